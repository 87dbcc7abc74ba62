import {
  type ConsumerCredentials,
  consumerCredentialsEnv,
  DATABASE_ENV,
  databaseConfig,
  LOG_LEVELS,
  type LogLevel,
  parseEnv,
  type ServiceDatabaseConfig,
  SHUTDOWN_ENV,
} from '@boundary/service-kit';
import { z } from 'zod';
import { reapIntervalMs, ReservationHoldSchema } from './reservation-hold';

/** Who calls the Inventory Service, each with its own accepted set: `INVENTORY_SERVICE_TOKENS_ORDER_SERVICE`, … */
export const INVENTORY_SERVICE_CONSUMERS = consumerCredentialsEnv('inventory-service', ['order-service', 'fulfilment-service']);

export const InventoryServiceEnvSchema = z
  .object({
    // The port recorded in apps/inventory-service/project.json (metadata.port); tools/architecture checks they agree.
    PORT: z.coerce.number().int().min(0).max(65535).default(5002),
    ...DATABASE_ENV,
    NODE_ENV: z.string().optional(),
    ...INVENTORY_SERVICE_CONSUMERS.shape,
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    ...SHUTDOWN_ENV,
    RESERVATION_HOLD: ReservationHoldSchema,
  })
  .catchall(z.unknown())
  .superRefine(INVENTORY_SERVICE_CONSUMERS.check);

/** The Inventory Service's validated configuration. */
export interface InventoryServiceConfig {
  port: number;
  database: ServiceDatabaseConfig;
  /** What it accepts from each consumer as `Authorization: Bearer`; open without any (development). */
  credentials: ConsumerCredentials;
  logLevel: LogLevel;
  /** How long readiness fails after SIGTERM before the listener closes (`SHUTDOWN_DRAIN_MS`). */
  shutdownDrainMs: number;
  /** How long a reservation is held unconfirmed (`RESERVATION_HOLD`), and how often the reaper releases those expired. */
  reservations: ReservationHoldOptions;
}

/** How the reaper releases holds never confirmed. */
export interface ReservationHoldOptions {
  /** Milliseconds a reservation stays held without confirmation before the reaper releases it. */
  holdMs: number;
  /** Milliseconds between two looks of the reaper for expired holds. */
  reapEveryMs: number;
}

/**
 * Reads and validates the environment once, at start-up; throws an error naming each bad variable. In production
 * (`NODE_ENV=production`) not one `INVENTORY_SERVICE_TOKENS_<CONSUMER>` stops the service.
 */
export function loadInventoryServiceConfig(env: NodeJS.ProcessEnv): InventoryServiceConfig {
  const e = parseEnv(InventoryServiceEnvSchema, env, 'Inventory Service');
  return {
    port: e.PORT,
    database: databaseConfig(e),
    credentials: INVENTORY_SERVICE_CONSUMERS.read(e),
    logLevel: e.LOG_LEVEL,
    shutdownDrainMs: e.SHUTDOWN_DRAIN_MS,
    reservations: { holdMs: e.RESERVATION_HOLD, reapEveryMs: reapIntervalMs(e.RESERVATION_HOLD) },
  };
}
