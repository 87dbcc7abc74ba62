import type { z } from 'zod';

/**
 * Validates a service's environment once, at start-up. Throws one error naming every bad variable, e.g.
 * `Invalid User Service configuration: PORT: Too big: expected number to be <=65535; ORDER_SERVICE_URL: ...`.
 */
export function parseEnv<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv, service: string): z.output<T> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid ${service} configuration: ${problems.join('; ')}`);
  }
  return result.data;
}
