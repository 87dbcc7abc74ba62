import type { ClientRequest } from 'node:http';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type Nock from 'nock';
import { traceContextOf, type TraceContext } from './trace-context';

/**
 * nock overrides node:http's globals as soon as it is loaded, and in Jest core modules are shared by every later
 * file of the worker. Loaded here, on the first interception, importing the testing kit for a stub or the
 * `HttpService` double leaves the way requests are sent untouched.
 */
function loadNock(): typeof Nock {
  return require('nock') as typeof Nock;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[?::1\]?)$/;

/** Node publishes every outgoing request here as it starts, with the headers it goes out with. */
const REQUEST_START = 'http.client.request.start';

/** One request the code under test sent to a non-loopback host while the interception ran, matched or not. */
export interface InterceptedRequest {
  method: string;
  /** Protocol, host (with a port that is not the default) and path as sent, still percent-encoded. */
  url: string;
  /** Header names lower-cased; a repeated header's values joined by `, `. */
  headers: Record<string, string>;
  /** The W3C trace context its `traceparent` header carries; `undefined` when it had none, `valid: false` when malformed. */
  traceContext?: TraceContext;
}

/**
 * Network-level interception for endpoint tests: every request to a non-loopback host must match a nock
 * interceptor. Call `start()` in `beforeEach` and `verify()` in `afterEach`: `verify()` fails the test when a
 * request matched nothing or an interceptor was never used, then resets nock. Loopback stays open so a test can
 * still reach an app under test that listens on a real socket (an in-process `inject()` needs no network at all).
 * Every other request is recorded in `requests` (kept after `verify()`, until the next `start()`), with the trace
 * context it carried.
 */
export class HttpInterception {
  /** Every request to a non-loopback host since `start()`, in order, matched or not (as it left the process). */
  readonly requests: InterceptedRequest[] = [];
  private unmatched: string[] = [];
  private readonly recordRequest = (message: unknown) => {
    const request = (message as { request: ClientRequest }).request;
    if (LOOPBACK.test(request.host)) return;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.getHeaders())) {
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    const url = `${request.protocol}//${headers['host'] ?? request.host}${request.path}`;
    this.requests.push({ method: request.method, url, headers, traceContext: traceContextOf(headers) });
  };
  private readonly recordUnmatched = (req: { method?: string; href?: string; hostname?: string }) => {
    // nock reports every request it does not intercept, including the allowed loopback ones.
    if (LOOPBACK.test(req.hostname ?? '')) return;
    this.unmatched.push(`${req.method ?? '?'} ${req.href ?? '?'}`);
  };

  start(): void {
    const nock = loadNock();
    this.unmatched = [];
    this.requests.length = 0;
    // A start() without the verify() of the last one must not record each request twice.
    unsubscribe(REQUEST_START, this.recordRequest);
    subscribe(REQUEST_START, this.recordRequest);
    nock.disableNetConnect();
    nock.enableNetConnect((host) => LOOPBACK.test(host.replace(/:\d+$/, '')));
    nock.emitter.on('no match', this.recordUnmatched);
  }

  /** Throws, naming them, if any request was unmatched or any interceptor unused; always cleans up. */
  verify(): void {
    const nock = loadNock();
    const unused = nock.pendingMocks();
    const unmatched = this.unmatched;
    nock.emitter.removeListener('no match', this.recordUnmatched);
    unsubscribe(REQUEST_START, this.recordRequest);
    nock.cleanAll();
    nock.enableNetConnect();
    const problems = [
      ...unmatched.map((r) => `unmatched request: ${r}`),
      ...unused.map((m) => `unused interceptor: ${m}`),
    ];
    if (problems.length > 0) throw new Error(`HTTP interception failed:\n  ${problems.join('\n  ')}`);
  }
}
