import {
  type ConsumerCredentials,
  consumerCredentialsEnv,
  DATABASE_ENV,
  databaseConfig,
  LOG_LEVELS,
  type LogLevel,
  parseEnv,
  checkRabbitmqEnv,
  RABBITMQ_ENV,
  rabbitmqUrl,
  type ServiceDatabaseConfig,
  serviceTokenSchema,
  SHUTDOWN_ENV,
} from '@boundary/service-kit';
import { ORDER_PLACED_QUEUE } from '@boundary/order-events-contract';
import { z } from 'zod';
import type { InventoryClientOptions } from '@boundary/inventory-client';

/**
 * Who calls the Fulfilment Service: no service yet. Open in development; in production it refuses every call until a
 * consumer is declared here (with its `FULFILMENT_SERVICE_TOKENS_<CONSUMER>`).
 */
export const FULFILMENT_SERVICE_CONSUMERS = consumerCredentialsEnv('fulfilment-service', []);

export const FulfilmentServiceEnvSchema = z
  .object({
    // The port recorded in apps/fulfilment-service/project.json (metadata.port); tools/architecture checks they agree.
    PORT: z.coerce.number().int().min(0).max(65535).default(5003),
    NODE_ENV: z.string().optional(),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    ...SHUTDOWN_ENV,
    INVENTORY_SERVICE_URL: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://localhost:5002' })
      .default('http://localhost:5002'),
    INVENTORY_SERVICE_TIMEOUT_MS: z.coerce.number().int().positive().max(120_000).default(2000),
    INVENTORY_SERVICE_TOKEN: serviceTokenSchema.optional(),
    ...FULFILMENT_SERVICE_CONSUMERS.shape,
    ...DATABASE_ENV,
    ...RABBITMQ_ENV,
    ORDER_EVENTS_QUEUE: z.string().min(1).max(200).default(ORDER_PLACED_QUEUE),
  })
  .catchall(z.unknown())
  .superRefine(FULFILMENT_SERVICE_CONSUMERS.check)
  .superRefine(checkRabbitmqEnv);

/** The Fulfilment Service's validated configuration. */
export interface FulfilmentServiceConfig {
  port: number;
  /** What it accepts from each consumer as `Authorization: Bearer`; open without any (development). */
  credentials: ConsumerCredentials;
  logLevel: LogLevel;
  /** How long readiness fails after SIGTERM before the listener closes (`SHUTDOWN_DRAIN_MS`). */
  shutdownDrainMs: number;
  /** How `InventoryServiceClient` reaches the Inventory Service, as `InventoryClientModule` takes it. */
  inventoryClient: InventoryClientOptions;
  /** Where shipments are kept: PostgreSQL (schema `fulfilment`) or embedded PGlite. */
  database: ServiceDatabaseConfig;
  /** Where `orders.placed` is consumed from: the broker and the queue (the contract's by default). */
  events: { url: string; queue: string };
}

/**
 * Reads and validates the environment once, at start-up; throws an error naming each bad variable. In production
 * (`NODE_ENV=production`) no `RABBITMQ_URL` stops the service.
 */
export function loadFulfilmentServiceConfig(env: NodeJS.ProcessEnv): FulfilmentServiceConfig {
  const e = parseEnv(FulfilmentServiceEnvSchema, env, 'Fulfilment Service');
  return {
    port: e.PORT,
    credentials: FULFILMENT_SERVICE_CONSUMERS.read(e),
    logLevel: e.LOG_LEVEL,
    shutdownDrainMs: e.SHUTDOWN_DRAIN_MS,
    inventoryClient: {
      baseUrl: e.INVENTORY_SERVICE_URL,
      timeoutMs: e.INVENTORY_SERVICE_TIMEOUT_MS,
      ...(e.INVENTORY_SERVICE_TOKEN === undefined ? {} : { token: e.INVENTORY_SERVICE_TOKEN }),
    },
    database: databaseConfig(e),
    events: { url: rabbitmqUrl(e), queue: e.ORDER_EVENTS_QUEUE },
  };
}
