import type { InventoryClientOptions } from '@boundary/inventory-client';
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

/** Who calls the Order Service, each with its own accepted set: `ORDER_SERVICE_TOKENS_USER_SERVICE`. */
export const ORDER_SERVICE_CONSUMERS = consumerCredentialsEnv('order-service', ['user-service']);

export const OrderServiceEnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(5001),
    ...DATABASE_ENV,
    NODE_ENV: z.string().optional(),
    ...ORDER_SERVICE_CONSUMERS.shape,
    INVENTORY_SERVICE_URL: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://localhost:5002' })
      .default('http://localhost:5002'),
    // Below the User Service's attempt timeout (ORDER_SERVICE_ATTEMPT_TIMEOUT_MS, 1000): deadlines shrink along the
    // chain, so a silent inventory is answered 503 INVENTORY_UNAVAILABLE here before the User Service gives up (504).
    INVENTORY_SERVICE_TIMEOUT_MS: z.coerce.number().int().positive().max(120_000).default(800),
    INVENTORY_SERVICE_TOKEN: serviceTokenSchema.optional(),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    ...SHUTDOWN_ENV,
    ...RABBITMQ_ENV,
    ORDER_EVENTS_QUEUE: z.string().min(1).max(200).default(ORDER_PLACED_QUEUE),
    // How often the relay looks for unsent events: how late an event may be published after its order committed.
    OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(3_600_000).default(500),
  })
  .catchall(z.unknown())
  .superRefine(ORDER_SERVICE_CONSUMERS.check)
  .superRefine(checkRabbitmqEnv);

export interface OrderServiceConfig {
  port: number;
  database: ServiceDatabaseConfig;
  /** What it accepts from each consumer as `Authorization: Bearer`; open without any (development). */
  credentials: ConsumerCredentials;
  logLevel: LogLevel;
  /** How long readiness fails after SIGTERM before the listener closes (`SHUTDOWN_DRAIN_MS`). */
  shutdownDrainMs: number;
  /** How `InventoryServiceClient` reaches the Inventory Service, as `InventoryClientModule` takes it. */
  inventoryClient: InventoryClientOptions;
  /**
   * Where `orders.placed` is published: the broker and the queue (the contract's by default), and how often the relay
   * polls the outbox (milliseconds).
   */
  events: { url: string; queue: string; outboxPollMs: number };
}

/**
 * Reads and validates the environment once, at start-up; throws an error naming each bad variable. In production
 * (`NODE_ENV=production`) no `ORDER_SERVICE_TOKENS_USER_SERVICE`, or no `RABBITMQ_URL`, stops the service.
 */
export function loadOrderServiceConfig(env: NodeJS.ProcessEnv): OrderServiceConfig {
  const e = parseEnv(OrderServiceEnvSchema, env, 'Order Service');
  return {
    port: e.PORT,
    database: databaseConfig(e),
    credentials: ORDER_SERVICE_CONSUMERS.read(e),
    logLevel: e.LOG_LEVEL,
    shutdownDrainMs: e.SHUTDOWN_DRAIN_MS,
    inventoryClient: {
      baseUrl: e.INVENTORY_SERVICE_URL,
      timeoutMs: e.INVENTORY_SERVICE_TIMEOUT_MS,
      ...(e.INVENTORY_SERVICE_TOKEN === undefined ? {} : { token: e.INVENTORY_SERVICE_TOKEN }),
    },
    events: { url: rabbitmqUrl(e), queue: e.ORDER_EVENTS_QUEUE, outboxPollMs: e.OUTBOX_POLL_MS },
  };
}
