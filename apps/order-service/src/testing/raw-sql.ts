import type { OrderDatabase } from '../database/order-database';

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
