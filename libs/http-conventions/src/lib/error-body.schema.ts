import { z } from 'zod';

/**
 * The JSON body of every error answer of every service: a human-readable `error`, a stable machine-readable `code`,
 * and the `user_id` the request was about when there is one. `code` is optional here because a proxy or an older
 * provider may answer without one; a service built on `@boundary/service-kit` always sends it.
 */
export const ErrorBodySchema = z.object({
  error: z.string().min(1),
  code: z.string().min(1).optional(),
  user_id: z.string().optional(),
});

export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** The `code` of an error answer's body (already parsed from JSON, or not), when it is an error body that has one. */
export function errorCodeOf(body: unknown): string | undefined {
  const parsed = ErrorBodySchema.safeParse(body);
  return parsed.success ? parsed.data.code : undefined;
}
