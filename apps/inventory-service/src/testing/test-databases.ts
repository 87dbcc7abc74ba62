import { Client } from 'pg';
import { join } from 'node:path';
import type { ServiceDatabaseLocation } from '@boundary/service-kit/database';

/** The app's migrations, as the source tree holds them (dist holds a copy beside main.js). */
export const MIGRATIONS_FOLDER = join(__dirname, '../../migrations');

/** A database of its own for one test file: options to open it (any number of times), and its removal. */
export interface TestDatabase {
  /** Options for `openInventoryDatabase`/the app; every call points at the same database. */
  options(overrides?: Partial<ServiceDatabaseLocation>): ServiceDatabaseLocation;
  /** The PostgreSQL URL of the database; `undefined` for PGlite (in memory, one per open). */
  url?: string;
  /** Removes the database (PostgreSQL). */
  drop(): Promise<void>;
}

/** One storage engine the tests run against. */
export interface TestBackend {
  name: string;
  /** A fresh, empty database. */
  create(): Promise<TestDatabase>;
}

const pglite: TestBackend = {
  name: 'PGlite',
  async create() {
    return {
      options: (overrides) => ({ seedDemoData: false, migrationsFolder: MIGRATIONS_FOLDER, ...overrides }),
      drop: async () => undefined,
    };
  },
};

async function asAdmin(serverUrl: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** PostgreSQL at `serverUrl`: each test file gets a uniquely named database, dropped afterwards. */
function postgres(serverUrl: string): TestBackend {
  return {
    name: 'PostgreSQL',
    async create() {
      // Lower-case letters, digits and underscores only: safe to quote as an identifier.
      const name = `inventory_service_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
      await asAdmin(serverUrl, `create database "${name}"`);
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      return {
        url: url.toString(),
        options: (overrides) => ({
          url: url.toString(),
          seedDemoData: false,
          migrationsFolder: MIGRATIONS_FOLDER,
          ...overrides,
        }),
        drop: () => asAdmin(serverUrl, `drop database if exists "${name}" with (force)`),
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
