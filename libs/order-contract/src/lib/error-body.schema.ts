import { z } from 'zod';

/**
 * The JSON body of every error answer from either service: a human-readable `error`, a stable machine-readable
 * `code`, and the `user_id` the request was about when there is one.
 */
export const ErrorBodySchema = z.object({
  error: z.string().min(1),
  code: z.string().min(1).optional(),
  user_id: z.string().optional(),
});

export type ErrorBody = z.infer<typeof ErrorBodySchema>;
