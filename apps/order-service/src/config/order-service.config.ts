import { LOG_LEVELS, parseEnv, type LogLevel } from '@boundary/service-kit';
import { z } from 'zod';

const OrderServiceEnvSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(5001),
    NODE_ENV: z.string().optional(),
    ORDER_SERVICE_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  })
  .refine((env) => env.NODE_ENV !== 'production' || env.ORDER_SERVICE_TOKEN !== undefined, {
    path: ['ORDER_SERVICE_TOKEN'],
    error: 'is required when NODE_ENV=production',
  });

export interface OrderServiceConfig {
  port: number;
  /** The shared token callers must present as `Authorization: Bearer`; `undefined` leaves the API open (development). */
  serviceToken?: string;
  logLevel: LogLevel;
}

/**
 * Reads and validates the environment once, at start-up; throws an error naming each bad variable. In production
 * (`NODE_ENV=production`) a missing `ORDER_SERVICE_TOKEN` stops the service.
 */
export function loadOrderServiceConfig(env: NodeJS.ProcessEnv): OrderServiceConfig {
  const { PORT, ORDER_SERVICE_TOKEN, LOG_LEVEL } = parseEnv(OrderServiceEnvSchema, env, 'Order Service');
  return { port: PORT, ...(ORDER_SERVICE_TOKEN === undefined ? {} : { serviceToken: ORDER_SERVICE_TOKEN }), logLevel: LOG_LEVEL };
}
