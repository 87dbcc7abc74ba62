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
