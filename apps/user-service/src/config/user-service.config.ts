import { ORDER_CLIENT_TRANSPORTS, type OrderClientTransport } from '@boundary/order-client';
import { LOG_LEVELS, parseEnv, type LogLevel } from '@boundary/service-kit';
import { z } from 'zod';

/** One attempt's default share of the deadline: room for a retry within the default 2000 ms. */
const DEFAULT_ATTEMPT_TIMEOUT_MS = 1000;

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const UserServiceEnvSchema = z
  .object({
    PORT: int(0, 65535).default(5000),
    ORDER_SERVICE_URL: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://localhost:5001' })
      .default('http://localhost:5001'),
    ORDER_SERVICE_TIMEOUT_MS: z.coerce.number().int().positive().max(120_000).default(2000),
    ORDER_SERVICE_ATTEMPT_TIMEOUT_MS: z.coerce.number().int().positive().max(120_000).optional(),
    ORDER_SERVICE_RETRIES: int(0, 10).default(2),
    ORDER_SERVICE_RETRY_DELAY_MS: int(1, 10_000).default(50),
    ORDER_SERVICE_RETRY_MAX_DELAY_MS: int(1, 60_000).default(500),
    ORDER_SERVICE_BREAKER_FAILURES: int(1, 1_000_000).default(5),
    ORDER_SERVICE_BREAKER_HALF_OPEN_MS: int(1, 600_000).default(10_000),
    ORDER_SERVICE_MAX_RESPONSE_BYTES: int(1, 64 * 1024 * 1024).default(1024 * 1024),
    ORDER_SERVICE_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    ORDER_SERVICE_TRANSPORT: z.enum(ORDER_CLIENT_TRANSPORTS).default('undici'),
    ORDER_SERVICE_KEEP_ALIVE: z.enum(['true', 'false']).default('true'),
  })
  .refine((env) => (env.ORDER_SERVICE_ATTEMPT_TIMEOUT_MS ?? 0) <= env.ORDER_SERVICE_TIMEOUT_MS, {
    path: ['ORDER_SERVICE_ATTEMPT_TIMEOUT_MS'],
    error: 'must not exceed ORDER_SERVICE_TIMEOUT_MS',
  });

/** How the Order Service client behaves under faults (see `OrderClientOptions`). */
export interface OrderServicePolicyConfig {
  attemptTimeoutMs: number;
  retries: number;
  retryDelayMs: number;
  retryMaxDelayMs: number;
  breakerFailures: number;
  breakerHalfOpenMs: number;
  maxResponseBytes: number;
}

/** The User Service's validated configuration. */
export interface UserServiceConfig {
  port: number;
  orderServiceUrl: string;
  /** Deadline of one Order Service call, retries included. */
  orderServiceTimeoutMs: number;
  orderServicePolicy: OrderServicePolicyConfig;
  /** Shared service token sent to the Order Service; `undefined` sends none (development). */
  orderServiceToken?: string;
  logLevel: LogLevel;
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
  const e = parseEnv(UserServiceEnvSchema, env, 'User Service');
  return {
    port: e.PORT,
    orderServiceUrl: e.ORDER_SERVICE_URL,
    orderServiceTimeoutMs: e.ORDER_SERVICE_TIMEOUT_MS,
    orderServicePolicy: {
      attemptTimeoutMs: e.ORDER_SERVICE_ATTEMPT_TIMEOUT_MS ?? Math.min(DEFAULT_ATTEMPT_TIMEOUT_MS, e.ORDER_SERVICE_TIMEOUT_MS),
      retries: e.ORDER_SERVICE_RETRIES,
      retryDelayMs: e.ORDER_SERVICE_RETRY_DELAY_MS,
      retryMaxDelayMs: e.ORDER_SERVICE_RETRY_MAX_DELAY_MS,
      breakerFailures: e.ORDER_SERVICE_BREAKER_FAILURES,
      breakerHalfOpenMs: e.ORDER_SERVICE_BREAKER_HALF_OPEN_MS,
      maxResponseBytes: e.ORDER_SERVICE_MAX_RESPONSE_BYTES,
    },
    ...(e.ORDER_SERVICE_TOKEN === undefined ? {} : { orderServiceToken: e.ORDER_SERVICE_TOKEN }),
    logLevel: e.LOG_LEVEL,
    orderServiceTransport: e.ORDER_SERVICE_TRANSPORT,
    orderServiceKeepAlive: e.ORDER_SERVICE_KEEP_ALIVE === 'true',
  };
}
