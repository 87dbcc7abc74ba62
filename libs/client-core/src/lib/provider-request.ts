import type { z } from 'zod';

/** The HTTP methods a client call may use. */
export type ProviderMethod = 'GET' | 'HEAD' | 'DELETE' | 'POST' | 'PUT' | 'PATCH';

/** One call to a provider, as a client library's method describes it. */
export interface ProviderRequest<S extends z.ZodType> {
  method: ProviderMethod;
  /** Path template, e.g. `/users/{userId}/orders`: every `{name}` is filled from `params`, encoded as one segment. */
  path: string;
  params?: Readonly<Record<string, string>>;
  /** Query parameters; `undefined` values are left out. */
  query?: Readonly<Record<string, string | number | boolean | undefined>>;
  /** Request body, sent as JSON. */
  body?: unknown;
  /** Extra headers, e.g. `Idempotency-Key` (which makes a non-GET call retriable). */
  headers?: Readonly<Record<string, string>>;
  /** The schema of a 2xx answer's body; an answer it rejects fails as a bad response naming the field. */
  schema: S;
}

/** A 2xx answer: its status, headers (names lower-case) and the body as the schema parsed it. */
export interface ProviderResponse<T> {
  status: number;
  headers: Readonly<Record<string, string | undefined>>;
  data: T;
}
