import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/** Drizzle over either driver (node-postgres or PGlite): a service's repository is written once for both. */
export type ServiceDb<Schema extends Record<string, unknown>> = PgDatabase<PgQueryResultHKT, Schema>;

/**
 * A service's open, migrated database. Each service subclasses it (`class OrderDatabase extends
 * ServiceDatabase<OrderDb> {}`) so that the subclass is its own injection token and names its log lines. Closed after
 * the HTTP server has drained (Nest calls `onApplicationShutdown` after the adapter has closed), so in-flight
 * requests still have their connections.
 */
export abstract class ServiceDatabase<Db extends ServiceDb<Record<string, unknown>>> implements OnApplicationShutdown {
  private readonly logger = new Logger(this.constructor.name);
  private closed = false;

  constructor(
    /** The Drizzle handle every query goes through. */
    readonly db: Db,
    /** Which engine is behind `db`, for logs. */
    readonly description: string,
    private readonly closeClient: () => Promise<void>,
  ) {}

  /** Resolves when the database answers a trivial query; rejects when it cannot be reached. */
  async ping(): Promise<void> {
    await this.db.execute(sql`select 1`);
  }

  /** Whether `close` has run (the pool or the embedded database is gone). */
  get isClosed(): boolean {
    return this.closed;
  }

  /** Releases the pool (PostgreSQL) or shuts the embedded database down cleanly (PGlite). Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.closeClient();
    this.logger.log(`Closed ${this.description}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }
}
