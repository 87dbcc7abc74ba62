import { ORDER_CLIENT_TRANSPORTS, type OrderClientTransport } from '@boundary/order-client';
import { parseEnv } from '@boundary/service-kit';
import { z } from 'zod';

const UserServiceEnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(5000),
  ORDER_SERVICE_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://localhost:5001' })
    .default('http://localhost:5001'),
  ORDER_SERVICE_TIMEOUT_MS: z.coerce.number().int().positive().max(120_000).default(2000),
  ORDER_SERVICE_TRANSPORT: z.enum(ORDER_CLIENT_TRANSPORTS).default('undici'),
  ORDER_SERVICE_KEEP_ALIVE: z.enum(['true', 'false']).default('true'),
});

/** The User Service's validated configuration. */
export interface UserServiceConfig {
  port: number;
  orderServiceUrl: string;
  orderServiceTimeoutMs: number;
  /**
   * What carries the calls to the Order Service: `undici` from the environment (the fastest, bench/RESULTS.md);
   * unset (tests) means the client's nock-interceptable default.
   */
  orderServiceTransport?: OrderClientTransport;
  /** Reuse connections to the Order Service (default `true`). */
  orderServiceKeepAlive?: boolean;
}

/**
 * Reads and validates the environment once, at start-up. Throws one error naming every bad variable, e.g.
 * `Invalid User Service configuration: ORDER_SERVICE_TIMEOUT_MS: Too small: expected number to be >0`.
 */
export function loadUserServiceConfig(env: NodeJS.ProcessEnv): UserServiceConfig {
  const vars = parseEnv(UserServiceEnvSchema, env, 'User Service');
  return {
    port: vars.PORT,
    orderServiceUrl: vars.ORDER_SERVICE_URL,
    orderServiceTimeoutMs: vars.ORDER_SERVICE_TIMEOUT_MS,
    orderServiceTransport: vars.ORDER_SERVICE_TRANSPORT,
    orderServiceKeepAlive: vars.ORDER_SERVICE_KEEP_ALIVE === 'true',
  };
}
