import { parseEnv } from '@boundary/service-kit';
import { z } from 'zod';

/** An empty variable (`DATABASE_URL=`) means "not set", as in most tools. */
const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);

const OrderServiceEnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(5001),
  DATABASE_URL: z.preprocess(
    unsetIfEmpty,
    z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' }).optional(),
  ),
  PGLITE_DIR: z.preprocess(unsetIfEmpty, z.string().optional()),
  SEED_DEMO_DATA: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'),
});

/** Where the Order Service keeps its orders: PostgreSQL at `url`, else embedded PGlite (in `pgliteDir`, or memory). */
export interface OrderDatabaseConfig {
  /** PostgreSQL connection string; when absent the service runs on an embedded PGlite database. */
  url?: string;
  /** Folder of the embedded database; in memory (lost on exit) when absent. Ignored when `url` is set. */
  pgliteDir?: string;
  /** Load the demo orders (user123, user000) at start-up; idempotent. */
  seedDemoData: boolean;
}

export interface OrderServiceConfig {
  port: number;
  database: OrderDatabaseConfig;
}

/** Reads and validates the environment once, at start-up; throws an error naming each bad variable. */
export function loadOrderServiceConfig(env: NodeJS.ProcessEnv): OrderServiceConfig {
  const { PORT, DATABASE_URL, PGLITE_DIR, SEED_DEMO_DATA } = parseEnv(OrderServiceEnvSchema, env, 'Order Service');
  return {
    port: PORT,
    database: { url: DATABASE_URL, pgliteDir: PGLITE_DIR, seedDemoData: SEED_DEMO_DATA === 'true' },
  };
}
