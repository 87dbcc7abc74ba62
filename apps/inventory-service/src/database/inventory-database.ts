import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { inventoryServiceSchema } from './inventory-service.schema';

/** Drizzle over either driver: the repository is written once for PostgreSQL and PGlite. */
export type InventoryDb = PgDatabase<PgQueryResultHKT, typeof inventoryServiceSchema>;

/**
 * The Inventory Service's open, migrated database. Closed after the HTTP server has drained (Nest calls
 * `onApplicationShutdown` after the adapter has closed), so in-flight requests still have their connections.
 */
export class InventoryDatabase implements OnApplicationShutdown {
  private readonly logger = new Logger(InventoryDatabase.name);
  private closed = false;

  constructor(
    /** The Drizzle handle every query goes through. */
    readonly db: InventoryDb,
    /** Which engine is behind `db`, for logs. */
    readonly description: string,
    private readonly closeClient: () => Promise<void>,
  ) {}

  /** Resolves when the database answers a trivial query; rejects when it cannot be reached. */
  async ping(): Promise<void> {
    await this.db.execute(sql`select 1`);
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
