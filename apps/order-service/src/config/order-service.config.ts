import type { InventoryClientOptions } from '@boundary/inventory-client';
import { LOG_LEVELS, parseEnv, type LogLevel } from '@boundary/service-kit';
import { z } from 'zod';

/** An empty variable (`DATABASE_URL=`) means "not set", as in most tools. */
const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);

const OrderServiceEnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(5001),
    DATABASE_URL: z.preprocess(
      unsetIfEmpty,
      z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' }).optional(),
    ),
    PGLITE_DIR: z.preprocess(unsetIfEmpty, z.string().optional()),
    SEED_DEMO_DATA: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'),
    NODE_ENV: z.string().optional(),
    ORDER_SERVICE_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    INVENTORY_SERVICE_URL: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://localhost:5002' })
      .default('http://localhost:5002'),
    // Below the User Service's attempt timeout (ORDER_SERVICE_ATTEMPT_TIMEOUT_MS, 1000): deadlines shrink along the
    // chain, so a silent inventory is answered 503 INVENTORY_UNAVAILABLE here before the User Service gives up (504).
    INVENTORY_SERVICE_TIMEOUT_MS: z.coerce.number().int().positive().max(120_000).default(800),
    INVENTORY_SERVICE_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  })
  .refine((env) => env.NODE_ENV !== 'production' || env.ORDER_SERVICE_TOKEN !== undefined, {
    path: ['ORDER_SERVICE_TOKEN'],
    error: 'is required when NODE_ENV=production',
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
  /** The shared token callers must present as `Authorization: Bearer`; `undefined` leaves the API open (development). */
  serviceToken?: string;
  logLevel: LogLevel;
  /** How `InventoryServiceClient` reaches the Inventory Service, as `InventoryClientModule` takes it. */
  inventoryClient: InventoryClientOptions;
}

/**
 * Reads and validates the environment once, at start-up; throws an error naming each bad variable. In production
 * (`NODE_ENV=production`) a missing `ORDER_SERVICE_TOKEN` stops the service.
 */
export function loadOrderServiceConfig(env: NodeJS.ProcessEnv): OrderServiceConfig {
  const e = parseEnv(OrderServiceEnvSchema, env, 'Order Service');
  return {
    port: e.PORT,
    database: { url: e.DATABASE_URL, pgliteDir: e.PGLITE_DIR, seedDemoData: e.SEED_DEMO_DATA === 'true' },
    ...(e.ORDER_SERVICE_TOKEN === undefined ? {} : { serviceToken: e.ORDER_SERVICE_TOKEN }),
    logLevel: e.LOG_LEVEL,
    inventoryClient: {
      baseUrl: e.INVENTORY_SERVICE_URL,
      timeoutMs: e.INVENTORY_SERVICE_TIMEOUT_MS,
      ...(e.INVENTORY_SERVICE_TOKEN === undefined ? {} : { token: e.INVENTORY_SERVICE_TOKEN }),
    },
  };
}
