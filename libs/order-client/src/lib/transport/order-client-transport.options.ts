/**
 * What carries the client's requests under `@nestjs/axios` `HttpService` (the client's interface stays the same;
 * figures in bench/RESULTS.md):
 *
 * - `'http'` (default): axios' own `node:http` adapter with a keep-alive agent. Intercepted by nock, so endpoint
 *   tests that intercept HTTP with nock see every request.
 * - `'fetch'`: axios' fetch adapter on Node's global `fetch` (keep-alive). Also intercepted by nock; measured no
 *   faster than `'http'` on Node 20.
 * - `'undici'`: an axios adapter on an undici `Agent` (a keep-alive pool per origin) — the fastest, but nock 14
 *   does NOT intercept undici's dispatcher API: test this transport with undici's `MockAgent` (see
 *   `undici.adapter.spec.ts`), and keep the default where a test relies on nock.
 */
export type OrderClientTransport = (typeof ORDER_CLIENT_TRANSPORTS)[number];

/** Every `OrderClientTransport`, e.g. to validate configuration. */
export const ORDER_CLIENT_TRANSPORTS = ['fetch', 'http', 'undici'] as const;

/** The transport part of `OrderClientOptions`. */
export interface OrderClientTransportOptions {
  /** What carries the requests; default `'http'`. See `OrderClientTransport`. */
  transport?: OrderClientTransport;
  /**
   * Reuse connections between calls (default `true`). `false` opens a connection per call — only useful to
   * measure what keep-alive saves. The `'fetch'` transport always keeps connections alive.
   */
  keepAlive?: boolean;
}
