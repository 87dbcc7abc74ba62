import { DATABASE_ENV, databaseConfig, LOG_LEVELS, parseEnv, RABBITMQ_ENV, type LogLevel, type ServiceDatabaseConfig } from '@boundary/service-kit';
import { ORDER_PLACED_QUEUE } from '@boundary/order-events-contract';
import { z } from 'zod';
import type { InventoryClientOptions } from '@boundary/inventory-client';

const FulfilmentServiceEnvSchema = z
  .object({
    // The port recorded in apps/fulfilment-service/project.json (metadata.port); tools/architecture checks they agree.
    PORT: z.coerce.number().int().min(0).max(65535).default(5003),
    NODE_ENV: z.string().optional(),
    FULFILMENT_SERVICE_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    INVENTORY_SERVICE_URL: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://localhost:5002' })
      .default('http://localhost:5002'),
    INVENTORY_SERVICE_TIMEOUT_MS: z.coerce.number().int().positive().max(120_000).default(2000),
    INVENTORY_SERVICE_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    ...DATABASE_ENV,
    ...RABBITMQ_ENV,
    ORDER_EVENTS_QUEUE: z.string().min(1).max(200).default(ORDER_PLACED_QUEUE),
  })
  .refine((env) => env.NODE_ENV !== 'production' || env.FULFILMENT_SERVICE_TOKEN !== undefined, {
    path: ['FULFILMENT_SERVICE_TOKEN'],
    error: 'is required when NODE_ENV=production',
  });

/** The Fulfilment Service's validated configuration. */
export interface FulfilmentServiceConfig {
  port: number;
  /** The shared token callers must present as `Authorization: Bearer`; `undefined` leaves the API open (development). */
  serviceToken?: string;
  logLevel: LogLevel;
  /** How `InventoryServiceClient` reaches the Inventory Service, as `InventoryClientModule` takes it. */
  inventoryClient: InventoryClientOptions;
  /** Where shipments are kept: PostgreSQL (schema `fulfilment`) or embedded PGlite. */
  database: ServiceDatabaseConfig;
  /** Where `orders.placed` is consumed from: the broker and the queue (the contract's by default). */
  events: { url: string; queue: string };
}

/**
 * Reads and validates the environment once, at start-up; throws an error naming each bad variable. In production
 * (`NODE_ENV=production`) a missing `FULFILMENT_SERVICE_TOKEN` stops the service.
 */
export function loadFulfilmentServiceConfig(env: NodeJS.ProcessEnv): FulfilmentServiceConfig {
  const e = parseEnv(FulfilmentServiceEnvSchema, env, 'Fulfilment Service');
  return {
    port: e.PORT,
    ...(e.FULFILMENT_SERVICE_TOKEN === undefined ? {} : { serviceToken: e.FULFILMENT_SERVICE_TOKEN }),
    logLevel: e.LOG_LEVEL,
    inventoryClient: {
      baseUrl: e.INVENTORY_SERVICE_URL,
      timeoutMs: e.INVENTORY_SERVICE_TIMEOUT_MS,
      ...(e.INVENTORY_SERVICE_TOKEN === undefined ? {} : { token: e.INVENTORY_SERVICE_TOKEN }),
    },
    database: databaseConfig(e),
    events: { url: e.RABBITMQ_URL, queue: e.ORDER_EVENTS_QUEUE },
  };
}
