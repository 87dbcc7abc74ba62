import type { InventoryClientOptions } from '@boundary/inventory-client';
import {
  DATABASE_ENV,
  databaseConfig,
  LOG_LEVELS,
  parseEnv,
  RABBITMQ_ENV,
  type LogLevel,
  type ServiceDatabaseConfig,
} from '@boundary/service-kit';
import { ORDER_PLACED_QUEUE } from '@boundary/order-events-contract';
import { z } from 'zod';

const OrderServiceEnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(5001),
    ...DATABASE_ENV,
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
    ...RABBITMQ_ENV,
    ORDER_EVENTS_QUEUE: z.string().min(1).max(200).default(ORDER_PLACED_QUEUE),
    // How often the relay looks for unsent events: how late an event may be published after its order committed.
    OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(3_600_000).default(500),
  })
  .refine((env) => env.NODE_ENV !== 'production' || env.ORDER_SERVICE_TOKEN !== undefined, {
    path: ['ORDER_SERVICE_TOKEN'],
    error: 'is required when NODE_ENV=production',
  });

export interface OrderServiceConfig {
  port: number;
  database: ServiceDatabaseConfig;
  /** The shared token callers must present as `Authorization: Bearer`; `undefined` leaves the API open (development). */
  serviceToken?: string;
  logLevel: LogLevel;
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
 * (`NODE_ENV=production`) a missing `ORDER_SERVICE_TOKEN` stops the service.
 */
export function loadOrderServiceConfig(env: NodeJS.ProcessEnv): OrderServiceConfig {
  const e = parseEnv(OrderServiceEnvSchema, env, 'Order Service');
  return {
    port: e.PORT,
    database: databaseConfig(e),
    ...(e.ORDER_SERVICE_TOKEN === undefined ? {} : { serviceToken: e.ORDER_SERVICE_TOKEN }),
    logLevel: e.LOG_LEVEL,
    inventoryClient: {
      baseUrl: e.INVENTORY_SERVICE_URL,
      timeoutMs: e.INVENTORY_SERVICE_TIMEOUT_MS,
      ...(e.INVENTORY_SERVICE_TOKEN === undefined ? {} : { token: e.INVENTORY_SERVICE_TOKEN }),
    },
    events: { url: e.RABBITMQ_URL, queue: e.ORDER_EVENTS_QUEUE, outboxPollMs: e.OUTBOX_POLL_MS },
  };
}
