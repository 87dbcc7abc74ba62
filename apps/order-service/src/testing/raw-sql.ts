import { openOrderDatabase } from '../database/open-order-database';
import type { OrderDatabase } from '../database/order-database';
import type { TestBackend, TestDatabase } from './test-databases';

/** Plain SQL straight through the driver (node-postgres or PGlite): rows no repository would ever write. */
export interface RawSql {
  /** Runs one statement with `$1…` parameters; rejects with the driver's own error (`code`, `constraint`). */
  query<Row = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
}

/** Both drivers answer `query(text, params)` with `{ rows }`. */
interface Queryable {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * The driver under an open database — node-postgres' pool or the PGlite instance (Drizzle keeps it as `$client`) —
 * for plain SQL beside the service's own queries. It closes with the database.
 */
export function rawSql(database: OrderDatabase): RawSql {
  const client = (database.db as unknown as { $client: Queryable }).$client;
  return {
    query: async <Row>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as Row[],
  };
}

/**
 * Opens `testDatabase` — migrated up to `migrationsFolder` (a copy from `migrationsUntil`), or to the latest when
 * `undefined` — for plain SQL, runs `work`, and closes it afterwards.
 */
export async function withRawSql<T>(testDatabase: TestDatabase, migrationsFolder: string | undefined, work: (db: RawSql) => Promise<T>): Promise<T> {
  const database = await openOrderDatabase(testDatabase.options(migrationsFolder ? { migrationsFolder } : {}));
  try {
    return await work(rawSql(database));
  } finally {
    await database.close();
  }
}

/** A scratch database with plain SQL on it: `open()` in `beforeAll`, `close()` in `afterAll`, `sql()` in between. */
export interface ScratchRawSql {
  open(): Promise<void>;
  close(): Promise<void>;
  sql(): RawSql;
}

/**
 * A scratch database of `backend`, migrated to the latest version and seeded with `seed` (plain SQL, in order) when
 * opened, dropped when closed.
 */
export function scratchRawSql(backend: TestBackend, ...seed: string[]): ScratchRawSql {
  let testDatabase: TestDatabase | undefined;
  let database: OrderDatabase | undefined;
  let db: RawSql | undefined;
  return {
    async open() {
      testDatabase = await backend.create();
      database = await openOrderDatabase(testDatabase.options());
      db = rawSql(database);
      for (const statement of seed) await db.query(statement);
    },
    async close() {
      await database?.close();
      await testDatabase?.drop();
    },
    sql() {
      if (db === undefined) throw new Error('scratchRawSql: sql() before open()');
      return db;
    },
  };
}
