import { sql } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { ServiceDatabaseLocation } from '@boundary/service-kit/database';

/** The app's migrations, as the source tree holds them (dist holds a copy beside main.js). */
export const MIGRATIONS_FOLDER = join(__dirname, '../../migrations');

/** The operator's query listing the rows that break a CHECK constraint (README: "Upgrading a database"). */
export const OFF_CONTRACT_ROWS_SQL = join(__dirname, '../../sql/off-contract-rows.sql');

/** A database of its own for one test file: options to open it (any number of times), and its removal. */
export interface TestDatabase {
  /** Options for `openOrderDatabase`/the app; every call points at the same database. */
  options(overrides?: Partial<ServiceDatabaseLocation>): ServiceDatabaseLocation;
  /** Removes the database (PostgreSQL) or its folder (PGlite on disk). */
  drop(): Promise<void>;
}

/** One storage engine the tests run against. */
export interface TestBackend {
  name: string;
  /** A fresh, empty database. `onDisk` matters for PGlite only: a folder instead of memory, to reopen it. */
  create(settings?: { onDisk?: boolean }): Promise<TestDatabase>;
}

const pglite: TestBackend = {
  name: 'PGlite',
  async create(settings = {}) {
    const pgliteDir = settings.onDisk ? await mkdtemp(join(tmpdir(), 'order-service-pglite-')) : undefined;
    return {
      options: (overrides) => ({ pgliteDir, seedDemoData: false, migrationsFolder: MIGRATIONS_FOLDER, ...overrides }),
      drop: async () => {
        if (pgliteDir) await rm(pgliteDir, { recursive: true, force: true });
      },
    };
  },
};

/** PostgreSQL at `serverUrl`: each test file gets a uniquely named database, dropped afterwards. */
function postgres(serverUrl: string): TestBackend {
  const admin = async <T>(work: (db: NodePgDatabase) => Promise<T>): Promise<T> => {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    try {
      return await work(drizzle(client));
    } finally {
      await client.end();
    }
  };
  return {
    name: 'PostgreSQL',
    async create() {
      const name = `order_service_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
      await admin((db) => db.execute(sql`create database ${sql.identifier(name)}`));
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      return {
        options: (overrides) => ({
          url: url.toString(),
          seedDemoData: false,
          migrationsFolder: MIGRATIONS_FOLDER,
          ...overrides,
        }),
        drop: () => admin((db) => db.execute(sql`drop database if exists ${sql.identifier(name)} with (force)`)).then(),
      };
    },
  };
}

/** The PostgreSQL server of the environment (`.ci/run` exports it), when there is one. */
export const POSTGRES_SERVER_URL = process.env['DATABASE_URL'];

/**
 * Every engine the storage tests must pass on: PGlite always, PostgreSQL whenever `DATABASE_URL` is set (CI sets
 * it), so a run with a server can never skip the PostgreSQL variant.
 */
export const TEST_BACKENDS: readonly TestBackend[] = [
  pglite,
  ...(POSTGRES_SERVER_URL ? [postgres(POSTGRES_SERVER_URL)] : []),
];

/** The PostgreSQL backend alone, for tests only a server can run (two instances on one database). */
export const POSTGRES_BACKEND: TestBackend | undefined = POSTGRES_SERVER_URL ? postgres(POSTGRES_SERVER_URL) : undefined;
