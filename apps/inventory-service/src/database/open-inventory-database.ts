import { PGlite } from '@electric-sql/pglite';
import { DatabaseUnavailableError } from '@boundary/service-kit';
import { Logger } from '@nestjs/common';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { Pool } from 'pg';
import type { InventoryDatabaseConfig } from '../config/inventory-service.config';
import { seedDemoStock } from './demo-seed';
import { InventoryDatabase, type InventoryDb } from './inventory-database';
import { inventoryServiceSchema } from './inventory-service.schema';

/** What opening the database needs: the configuration plus where the migration files are. */
export interface OpenInventoryDatabaseOptions extends InventoryDatabaseConfig {
  /** Folder holding the Drizzle migrations (`migrations/` beside `main.js` in dist). */
  migrationsFolder: string;
}

/** Drizzle's migration journal stays in the service's own schema, apart from other services' on a shared database. */
const MIGRATIONS = { migrationsSchema: 'inventory', migrationsTable: '__drizzle_migrations' } as const;

// Derived from the service's name: instances starting together take turns migrating instead of racing.
const MIGRATION_LOCK_KEY = 'inventory-service migrations';

/**
 * Opens the configured database, applies pending migrations and, if asked, the demo stock. Throws {@link DatabaseUnavailableError} naming the
 * server (never the password) when PostgreSQL cannot be reached; a migration that fails rejects with its error.
 */
export async function openInventoryDatabase(options: OpenInventoryDatabaseOptions): Promise<InventoryDatabase> {
  const database = options.url ? await openPostgres(options.url, options) : await openPglite(options);
  try {
    if (options.seedDemoData) await seedDemoStock(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  new Logger('InventoryDatabase').log(`Using ${database.description}`);
  return database;
}

async function openPostgres(url: string, options: OpenInventoryDatabaseOptions): Promise<InventoryDatabase> {
  const where = describePostgres(url);
  // A short checkout timeout: while the server is down, requests fail fast with 503 instead of queueing.
  const pool = new Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 3_000 });
  // An idle client whose server went away emits 'error'; unhandled, it would kill the process.
  pool.on('error', (error) => new Logger('InventoryDatabase').warn(`Idle connection to ${where} lost: ${error.message}`));
  let client;
  try {
    client = await pool.connect();
  } catch (error) {
    await pool.end();
    throw new DatabaseUnavailableError(`Cannot reach PostgreSQL at ${where}: ${describeCause(error)}`, { cause: error });
  }
  try {
    const session = drizzleNodePg(client);
    await session.execute(sql`select pg_advisory_lock(hashtext(${MIGRATION_LOCK_KEY}))`);
    try {
      await migrateNodePg(session, { migrationsFolder: options.migrationsFolder, ...MIGRATIONS });
    } finally {
      await session.execute(sql`select pg_advisory_unlock(hashtext(${MIGRATION_LOCK_KEY}))`);
    }
  } catch (error) {
    client.release();
    await pool.end();
    throw error;
  }
  client.release();
  const db = drizzleNodePg(pool, { schema: inventoryServiceSchema }) as unknown as InventoryDb;
  return new InventoryDatabase(db, `PostgreSQL at ${where}`, () => pool.end());
}

async function openPglite(options: OpenInventoryDatabaseOptions): Promise<InventoryDatabase> {
  const client = await PGlite.create(options.pgliteDir);
  try {
    const db = drizzlePglite(client, { schema: inventoryServiceSchema });
    await migratePglite(db, { migrationsFolder: options.migrationsFolder, ...MIGRATIONS });
    const where = options.pgliteDir ? `embedded PGlite in ${options.pgliteDir}` : 'embedded PGlite in memory';
    return new InventoryDatabase(db as unknown as InventoryDb, where, () => client.close());
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
