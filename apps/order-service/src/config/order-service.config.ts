import { z } from 'zod';

const OrderServiceEnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(5001),
});

export interface OrderServiceConfig {
  port: number;
}

/** Reads and validates the environment once, at start-up; throws an error naming each bad variable. */
export function loadOrderServiceConfig(env: NodeJS.ProcessEnv): OrderServiceConfig {
  const result = OrderServiceEnvSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid Order Service configuration: ${problems.join('; ')}`);
  }
  return { port: result.data.PORT };
}
