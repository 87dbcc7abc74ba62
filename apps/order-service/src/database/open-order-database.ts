import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { DatabaseUnavailableError } from '@boundary/service-kit';
import { Logger } from '@nestjs/common';
import { Pool } from 'pg';
import type { OrderDatabaseConfig } from '../config/order-service.config';
import { seedDemoData } from './demo-seed';
import { migrationFailed } from './migration-failed.error';
import { OrderDatabase, type OrderDb } from './order-database';
import { orderServiceSchema } from './order-service.schema';

/** What opening the database needs: the configuration plus where the migration files are. */
export interface OpenOrderDatabaseOptions extends OrderDatabaseConfig {
  /** Folder holding the Drizzle migrations (`migrations/` beside `main.js` in dist). */
  migrationsFolder: string;
}

// Any constant: instances starting together take turns migrating instead of racing on CREATE TABLE.
const MIGRATION_LOCK_ID = 4_004_001;

/**
 * Opens the configured database, applies pending migrations and, if asked, the demo seed. Throws
 * {@link DatabaseUnavailableError} naming the server (never the password) when PostgreSQL cannot be reached, and
 * `MigrationFailedError` — naming the constraint when existing rows break one — when a migration fails (then none
 * is applied).
 */
export async function openOrderDatabase(options: OpenOrderDatabaseOptions): Promise<OrderDatabase> {
  const database = options.url ? await openPostgres(options.url, options) : await openPglite(options);
  try {
    if (options.seedDemoData) await seedDemoData(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  new Logger('OrderDatabase').log(`Using ${database.description}`);
  return database;
}

async function openPostgres(url: string, options: OpenOrderDatabaseOptions): Promise<OrderDatabase> {
  const where = describePostgres(url);
  // A short checkout timeout: while the server is down, requests fail fast with 503 instead of queueing.
  const pool = new Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 3_000 });
  // An idle client whose server went away emits 'error'; unhandled, it would kill the process.
  pool.on('error', (error) => new Logger('OrderDatabase').warn(`Idle connection to ${where} lost: ${error.message}`));
  let client;
  try {
    client = await pool.connect();
  } catch (error) {
    await pool.end();
    throw new DatabaseUnavailableError(`Cannot reach PostgreSQL at ${where}: ${describeCause(error)}`, {
      cause: error,
    });
  }
  try {
    const session = drizzleNodePg(client);
    await session.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_ID})`);
    try {
      await migrateNodePg(session, { migrationsFolder: options.migrationsFolder }).catch((error: unknown) => {
        throw migrationFailed(error);
      });
    } finally {
      await session.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`);
    }
  } catch (error) {
    client.release();
    await pool.end();
    throw error;
  }
  client.release();
  const db = drizzleNodePg(pool, { schema: orderServiceSchema }) as unknown as OrderDb;
  return new OrderDatabase(db, `PostgreSQL at ${where}`, () => pool.end());
}

async function openPglite(options: OpenOrderDatabaseOptions): Promise<OrderDatabase> {
  const client = await PGlite.create(options.pgliteDir);
  try {
    const db = drizzlePglite(client, { schema: orderServiceSchema });
    await migratePglite(db, { migrationsFolder: options.migrationsFolder }).catch((error: unknown) => {
      throw migrationFailed(error);
    });
    const where = options.pgliteDir ? `embedded PGlite in ${options.pgliteDir}` : 'embedded PGlite in memory';
    return new OrderDatabase(db as unknown as OrderDb, where, () => client.close());
  } catch (error) {
    await client.close();
    throw error;
  }
}

/** `host:port/database` of a connection string, without the credentials. */
function describePostgres(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}

function describeCause(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describeCause(error.errors[0]);
  if (error instanceof Error) return (error as { code?: string }).code ?? error.message;
  return String(error);
}
