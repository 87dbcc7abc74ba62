import { Logger } from '@nestjs/common';
import { sql, type SQL } from 'drizzle-orm';
import type { ServiceDatabaseConfig } from './service-database.config';
import { DatabaseUnavailableError } from './database-unavailable.error';
import { pgliteClusterOptions } from './pglite-cluster-template';
import type { ServiceDatabase, ServiceDb } from './service-database';

/** A service's subclass of {@link ServiceDatabase}: what {@link openServiceDatabase} builds and returns. */
export type ServiceDatabaseClass<D extends ServiceDatabase<ServiceDb<Record<string, unknown>>>> = new (
  db: D['db'],
  description: string,
  closeClient: () => Promise<void>,
) => D;

/** Where a service's database is: its configuration plus the folder of its migration files. */
export interface ServiceDatabaseLocation extends ServiceDatabaseConfig {
  /** Folder holding the Drizzle migrations (`migrations/` beside `main.js` in dist). */
  migrationsFolder: string;
}

/** What opening a service's database needs beyond where it is: the service's own parts. */
export interface OpenServiceDatabaseOptions<D extends ServiceDatabase<ServiceDb<Record<string, unknown>>>> {
  /** The service's database class: built on the open handle; its name labels the log lines. */
  database: ServiceDatabaseClass<D>;
  /** The service's Drizzle schema (tables and relations). */
  schema: Record<string, unknown>;
  /**
   * The advisory lock instances take while migrating, so that instances starting together take turns instead of
   * racing on CREATE TABLE: a number as is, or a text (the service's name) hashed by PostgreSQL.
   */
  migrationLock: number | string;
  /** Schema of Drizzle's migration journal, to keep it apart from other services' on a shared database. */
  migrationsSchema?: string;
  /** Turns what a failed migration threw into the service's own error (e.g. naming the broken constraint). */
  migrationFailed?: (error: unknown) => Error;
  /** Loads the service's demo data when the configuration's `seedDemoData` is set; must be idempotent. */
  seed?: (db: D['db']) => Promise<void>;
}

/**
 * Opens the configured database (PostgreSQL at `url`, else embedded PGlite), applies pending migrations under the
 * advisory lock and, if asked, the demo seed. Throws {@link DatabaseUnavailableError} naming the server (never the
 * password) when PostgreSQL cannot be reached; a migration that fails rejects with `migrationFailed(error)` (or the
 * error itself), and nothing is left open. Each driver is loaded only when it is used.
 */
export async function openServiceDatabase<D extends ServiceDatabase<ServiceDb<Record<string, unknown>>>>(
  location: ServiceDatabaseLocation,
  options: OpenServiceDatabaseOptions<D>,
): Promise<D> {
  const logger = new Logger(options.database.name);
  const database = location.url
    ? await openPostgres(location.url, location, options, logger)
    : await openPglite(location, options);
  try {
    if (location.seedDemoData && options.seed) await options.seed(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  logger.log(`Using ${database.description}`);
  return database;
}

function migrationConfig(location: ServiceDatabaseLocation, options: { migrationsSchema?: string }) {
  return {
    migrationsFolder: location.migrationsFolder,
    ...(options.migrationsSchema === undefined
      ? {}
      : { migrationsSchema: options.migrationsSchema, migrationsTable: '__drizzle_migrations' }),
  };
}

/** What a failed migration rejects with on either driver: the service's own error, or the migrator's. */
function failedMigration(options: { migrationFailed?: (error: unknown) => Error }): (error: unknown) => never {
  return (error) => {
    throw options.migrationFailed ? options.migrationFailed(error) : error;
  };
}

function lockKey(lock: number | string): SQL {
  return typeof lock === 'number' ? sql`${lock}` : sql`hashtext(${lock})`;
}

async function openPostgres<D extends ServiceDatabase<ServiceDb<Record<string, unknown>>>>(
  url: string,
  location: ServiceDatabaseLocation,
  options: OpenServiceDatabaseOptions<D>,
  logger: Logger,
): Promise<D> {
  const [{ Pool }, { drizzle }, { migrate }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
    import('drizzle-orm/node-postgres/migrator'),
  ]);
  const where = describePostgres(url);
  // A short checkout timeout: while the server is down, requests fail fast with 503 instead of queueing.
  const pool = new Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 3_000 });
  // An idle client whose server went away emits 'error'; unhandled, it would kill the process.
  pool.on('error', (error) => logger.warn(`Idle connection to ${where} lost: ${error.message}`));
  let client;
  try {
    client = await pool.connect();
  } catch (error) {
    await pool.end();
    throw new DatabaseUnavailableError(`Cannot reach PostgreSQL at ${where}: ${describeCause(error)}`, { cause: error });
  }
  try {
    const session = drizzle(client);
    const lock = lockKey(options.migrationLock);
    await session.execute(sql`select pg_advisory_lock(${lock})`);
    try {
      await migrate(session, migrationConfig(location, options)).catch(failedMigration(options));
    } finally {
      await session.execute(sql`select pg_advisory_unlock(${lock})`);
    }
  } catch (error) {
    client.release();
    await pool.end();
    throw error;
  }
  client.release();
  const db = drizzle(pool, { schema: options.schema }) as unknown as D['db'];
  return new options.database(db, `PostgreSQL at ${where}`, () => pool.end());
}

async function openPglite<D extends ServiceDatabase<ServiceDb<Record<string, unknown>>>>(
  location: ServiceDatabaseLocation,
  options: OpenServiceDatabaseOptions<D>,
): Promise<D> {
  const [{ PGlite }, { drizzle }, { migrate }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  const client = await PGlite.create(location.pgliteDir, await pgliteClusterOptions(location.pgliteDir));
  try {
    const db = drizzle(client, { schema: options.schema });
    await migrate(db, migrationConfig(location, options)).catch(failedMigration(options));
    const where = location.pgliteDir ? `embedded PGlite in ${location.pgliteDir}` : 'embedded PGlite in memory';
    return new options.database(db as unknown as D['db'], where, () => client.close());
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

/** The driver's error code (`ECONNREFUSED`), else its message. Duck-typed: the error may come from another realm. */
function describeCause(error: unknown): string {
  const { errors, code, message } = (typeof error === 'object' && error !== null ? error : {}) as {
    errors?: unknown[];
    code?: unknown;
    message?: unknown;
  };
  if (Array.isArray(errors) && errors.length > 0) return describeCause(errors[0]);
  if (typeof code === 'string') return code;
  return typeof message === 'string' ? message : String(error);
}
