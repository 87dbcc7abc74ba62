import { LOG_LEVELS, parseEnv, type LogLevel } from '@boundary/service-kit';
import { z } from 'zod';

/** An empty variable (`DATABASE_URL=`) means "not set", as in most tools. */
const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);

const InventoryServiceEnvSchema = z
  .object({
    // The port recorded in apps/inventory-service/project.json (metadata.port); tools/architecture checks they agree.
    PORT: z.coerce.number().int().min(0).max(65535).default(5002),
    DATABASE_URL: z.preprocess(
      unsetIfEmpty,
      z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' }).optional(),
    ),
    PGLITE_DIR: z.preprocess(unsetIfEmpty, z.string().optional()),
    SEED_DEMO_DATA: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'),
    NODE_ENV: z.string().optional(),
    INVENTORY_SERVICE_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  })
  .refine((env) => env.NODE_ENV !== 'production' || env.INVENTORY_SERVICE_TOKEN !== undefined, {
    path: ['INVENTORY_SERVICE_TOKEN'],
    error: 'is required when NODE_ENV=production',
  });

/** Where the Inventory Service keeps its data: PostgreSQL at `url`, else embedded PGlite (in `pgliteDir`, or memory). */
export interface InventoryDatabaseConfig {
  /** PostgreSQL connection string; when absent the service runs on an embedded PGlite database. */
  url?: string;
  /** Folder of the embedded database; in memory (lost on exit) when absent. Ignored when `url` is set. */
  pgliteDir?: string;
  /** Load the demo stock (the demo orders' items and a few more) at start-up; existing stock is left as it is. */
  seedDemoData: boolean;
}

/** The Inventory Service's validated configuration. */
export interface InventoryServiceConfig {
  port: number;
  database: InventoryDatabaseConfig;
  /** The shared token callers must present as `Authorization: Bearer`; `undefined` leaves the API open (development). */
  serviceToken?: string;
  logLevel: LogLevel;
}

/**
 * Reads and validates the environment once, at start-up; throws an error naming each bad variable. In production
 * (`NODE_ENV=production`) a missing `INVENTORY_SERVICE_TOKEN` stops the service.
 */
export function loadInventoryServiceConfig(env: NodeJS.ProcessEnv): InventoryServiceConfig {
  const e = parseEnv(InventoryServiceEnvSchema, env, 'Inventory Service');
  return {
    port: e.PORT,
    database: { url: e.DATABASE_URL, pgliteDir: e.PGLITE_DIR, seedDemoData: e.SEED_DEMO_DATA === 'true' },
    ...(e.INVENTORY_SERVICE_TOKEN === undefined ? {} : { serviceToken: e.INVENTORY_SERVICE_TOKEN }),
    logLevel: e.LOG_LEVEL,
  };
}
