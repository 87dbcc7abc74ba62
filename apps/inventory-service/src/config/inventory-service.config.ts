import {
  DATABASE_ENV,
  databaseConfig,
  LOG_LEVELS,
  type LogLevel,
  parseEnv,
  type ServiceDatabaseConfig,
  SHUTDOWN_ENV,
} from '@boundary/service-kit';
import { z } from 'zod';

const InventoryServiceEnvSchema = z
  .object({
    // The port recorded in apps/inventory-service/project.json (metadata.port); tools/architecture checks they agree.
    PORT: z.coerce.number().int().min(0).max(65535).default(5002),
    ...DATABASE_ENV,
    NODE_ENV: z.string().optional(),
    INVENTORY_SERVICE_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    ...SHUTDOWN_ENV,
  })
  .refine((env) => env.NODE_ENV !== 'production' || env.INVENTORY_SERVICE_TOKEN !== undefined, {
    path: ['INVENTORY_SERVICE_TOKEN'],
    error: 'is required when NODE_ENV=production',
  });

/** The Inventory Service's validated configuration. */
export interface InventoryServiceConfig {
  port: number;
  database: ServiceDatabaseConfig;
  /** The shared token callers must present as `Authorization: Bearer`; `undefined` leaves the API open (development). */
  serviceToken?: string;
  logLevel: LogLevel;
  /** How long readiness fails after SIGTERM before the listener closes (`SHUTDOWN_DRAIN_MS`). */
  shutdownDrainMs: number;
}

/**
 * Reads and validates the environment once, at start-up; throws an error naming each bad variable. In production
 * (`NODE_ENV=production`) a missing `INVENTORY_SERVICE_TOKEN` stops the service.
 */
export function loadInventoryServiceConfig(env: NodeJS.ProcessEnv): InventoryServiceConfig {
  const e = parseEnv(InventoryServiceEnvSchema, env, 'Inventory Service');
  return {
    port: e.PORT,
    database: databaseConfig(e),
    ...(e.INVENTORY_SERVICE_TOKEN === undefined ? {} : { serviceToken: e.INVENTORY_SERVICE_TOKEN }),
    logLevel: e.LOG_LEVEL,
    shutdownDrainMs: e.SHUTDOWN_DRAIN_MS,
  };
}
