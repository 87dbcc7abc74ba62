import type { ErrorBody } from '@boundary/http-conventions';

/** What an error answer of either service consists of: its status and its JSON body. */
export interface HttpProblem {
  status: number;
  /** Human-readable description of what went wrong. */
  error: string;
  /** Stable machine-readable name, e.g. `INVALID_USER_ID`. */
  code: string;
  /** Response headers the answer needs, e.g. `Retry-After` with a 503. */
  headers?: Record<string, string>;
}

/** The JSON body every error answer carries: the shared `ErrorBody`, whose `code` a service always sends. */
export type HttpProblemBody = ErrorBody & { code: string };

/** The body of `problem`'s answer, with `user_id` from the route's `:userId` parameter when the route has one. */
export function problemBody(problem: HttpProblem, params?: Readonly<Record<string, string | undefined>>): HttpProblemBody {
  const body: HttpProblemBody = { error: problem.error, code: problem.code };
  const userId = params?.['userId'];
  if (userId !== undefined) body.user_id = userId;
  return body;
}
