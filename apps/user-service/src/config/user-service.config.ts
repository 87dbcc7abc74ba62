import type { OrderClientOptions } from '@boundary/order-client';
import { LOG_LEVELS, type LogLevel, parseEnv, serviceTokenSchema, SHUTDOWN_ENV } from '@boundary/service-kit';
import { z } from 'zod';

/** One attempt's default share of the deadline: room for a retry within the default 2000 ms. */
const DEFAULT_ATTEMPT_TIMEOUT_MS = 1000;

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

// The policy variables have no defaults here: unset, the client's own defaults (CLIENT_POLICY_DEFAULTS) apply.
const UserServiceEnvSchema = z
  .object({
    PORT: int(0, 65535).default(5000),
    ORDER_SERVICE_URL: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://localhost:5001' })
      .default('http://localhost:5001'),
    ORDER_SERVICE_TIMEOUT_MS: z.coerce.number().int().positive().max(120_000).default(2000),
    ORDER_SERVICE_ATTEMPT_TIMEOUT_MS: z.coerce.number().int().positive().max(120_000).optional(),
    ORDER_SERVICE_RETRIES: int(0, 10).optional(),
    ORDER_SERVICE_RETRY_DELAY_MS: int(1, 10_000).optional(),
    ORDER_SERVICE_RETRY_MAX_DELAY_MS: int(1, 60_000).optional(),
    ORDER_SERVICE_BREAKER_FAILURES: int(1, 1_000_000).optional(),
    ORDER_SERVICE_BREAKER_HALF_OPEN_MS: int(1, 600_000).optional(),
    ORDER_SERVICE_MAX_RESPONSE_BYTES: int(1, 64 * 1024 * 1024).optional(),
    ORDER_SERVICE_TOKEN: serviceTokenSchema.optional(),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    ...SHUTDOWN_ENV,
    // Removed when the client's transport was settled by measurement (bench/RESULTS.md): refused rather than ignored,
    // so a deployment that still sets them learns that they no longer do anything.
    ORDER_SERVICE_TRANSPORT: z.undefined({ error: 'is no longer read: the client always uses its tuned http transport; remove it' }).optional(),
    ORDER_SERVICE_KEEP_ALIVE: z.undefined({ error: 'is no longer read: connections are always kept alive; remove it' }).optional(),
  })
  .refine((env) => (env.ORDER_SERVICE_ATTEMPT_TIMEOUT_MS ?? 0) <= env.ORDER_SERVICE_TIMEOUT_MS, {
    path: ['ORDER_SERVICE_ATTEMPT_TIMEOUT_MS'],
    error: 'must not exceed ORDER_SERVICE_TIMEOUT_MS',
  });

/** The User Service's validated configuration. */
export interface UserServiceConfig {
  port: number;
  logLevel: LogLevel;
  /** How long readiness fails after SIGTERM before the listener closes (`SHUTDOWN_DRAIN_MS`). */
  shutdownDrainMs: number;
  /**
   * The Order Service client's own options object, as `OrderClientModule` takes it (the module adds `requestId`).
   * Only what the environment sets is here; the client fills in its defaults.
   */
  orderClient: OrderClientOptions;
}

/**
 * Reads and validates the environment once, at start-up. Throws one error naming every bad variable, e.g.
 * `Invalid User Service configuration: ORDER_SERVICE_TIMEOUT_MS: Too small: expected number to be >0`.
 */
export function loadUserServiceConfig(env: NodeJS.ProcessEnv): UserServiceConfig {
  const e = parseEnv(UserServiceEnvSchema, env, 'User Service');
  return {
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    shutdownDrainMs: e.SHUTDOWN_DRAIN_MS,
    orderClient: definedOnly({
      baseUrl: e.ORDER_SERVICE_URL,
      timeoutMs: e.ORDER_SERVICE_TIMEOUT_MS,
      attemptTimeoutMs: e.ORDER_SERVICE_ATTEMPT_TIMEOUT_MS ?? Math.min(DEFAULT_ATTEMPT_TIMEOUT_MS, e.ORDER_SERVICE_TIMEOUT_MS),
      retry: definedOnly({
        maxRetries: e.ORDER_SERVICE_RETRIES,
        initialDelayMs: e.ORDER_SERVICE_RETRY_DELAY_MS,
        maxDelayMs: e.ORDER_SERVICE_RETRY_MAX_DELAY_MS,
      }),
      circuitBreaker: definedOnly({
        consecutiveFailures: e.ORDER_SERVICE_BREAKER_FAILURES,
        halfOpenAfterMs: e.ORDER_SERVICE_BREAKER_HALF_OPEN_MS,
      }),
      maxResponseBytes: e.ORDER_SERVICE_MAX_RESPONSE_BYTES,
      token: e.ORDER_SERVICE_TOKEN,
    }),
  };
}

/** `object` without its unset entries (`undefined`, or a group with nothing set): only what the environment set. */
function definedOnly<T extends object>(object: T): T {
  const isSet = (value: unknown) =>
    value !== undefined && !(typeof value === 'object' && value !== null && Object.keys(value).length === 0);
  return Object.fromEntries(Object.entries(object).filter(([, value]) => isSet(value))) as T;
}
