import { parseEnv } from '@boundary/service-kit';
import { z } from 'zod';

const OrderServiceEnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(5001),
});

export interface OrderServiceConfig {
  port: number;
}

/** Reads and validates the environment once, at start-up; throws an error naming each bad variable. */
export function loadOrderServiceConfig(env: NodeJS.ProcessEnv): OrderServiceConfig {
  return { port: parseEnv(OrderServiceEnvSchema, env, 'Order Service').PORT };
}
