import { z } from 'zod';
import { unsetIfEmpty } from '../env/unset-if-empty';

/**
 * The environment variables of a service with a database, to spread into its env schema (`z.object({ PORT: …,
 * ...DATABASE_ENV })`); {@link databaseConfig} turns the parsed values into a {@link ServiceDatabaseConfig}.
 */
export const DATABASE_ENV = {
  DATABASE_URL: z.preprocess(
    unsetIfEmpty,
    z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' }).optional(),
  ),
  PGLITE_DIR: z.preprocess(unsetIfEmpty, z.string().optional()),
  SEED_DEMO_DATA: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'),
};

/** Where a service keeps its data: PostgreSQL at `url`, else embedded PGlite (in `pgliteDir`, or memory). */
export interface ServiceDatabaseConfig {
  /** PostgreSQL connection string; when absent the service runs on an embedded PGlite database. */
  url?: string;
  /** Folder of the embedded database; in memory (lost on exit) when absent. Ignored when `url` is set. */
  pgliteDir?: string;
  /** Load the service's demo data at start-up; idempotent. */
  seedDemoData: boolean;
}

type DatabaseEnv = z.output<z.ZodObject<typeof DATABASE_ENV>>;

/** The database part of a service's configuration, from its parsed {@link DATABASE_ENV} variables. */
export function databaseConfig(env: DatabaseEnv): ServiceDatabaseConfig {
  return { url: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR, seedDemoData: env.SEED_DEMO_DATA === 'true' };
}
