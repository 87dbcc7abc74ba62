import { AxiosHeaders, type AxiosRequestConfig } from 'axios';
import { traceContextOf, type TraceContext } from './trace-context';

/** One request the double received, as the code under test built it. Header names are lower-cased. */
export interface HttpServiceRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** The request body as handed to `HttpService` (e.g. the object of a `post`), when there is one. */
  body?: unknown;
  /** The W3C trace context its `traceparent` header carries; `undefined` when it had none, `valid: false` when malformed. */
  traceContext?: TraceContext;
}

/** The request as the double records it: method, full URL (with `params`), headers with lower-cased names, body. */
export function recordRequest(config: AxiosRequestConfig): HttpServiceRequest {
  // Recorded as handed to HttpService: WHATWG URL parsing would resolve %2E%2E as a dot-segment and hide it.
  let url = config.baseURL && !/^[a-z]+:\/\//i.test(config.url ?? '') ? joinUrl(config.baseURL, config.url) : (config.url ?? '');
  const params = new URLSearchParams(config.params as Record<string, string> | undefined).toString();
  if (params !== '') url += (url.includes('?') ? '&' : '?') + params;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(AxiosHeaders.from(config.headers as never).toJSON())) {
    headers[name.toLowerCase()] = String(value);
  }
  const request: HttpServiceRequest = { method: (config.method ?? 'get').toUpperCase(), url, headers, traceContext: traceContextOf(headers) };
  if (config.data !== undefined) request.body = config.data;
  return request;
}

function joinUrl(baseUrl: string, path = ''): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** Origin, path (still percent-encoded, not normalised) and query of a URL; the fragment is dropped. */
export function splitUrl(url: string): { origin: string; path: string; query: URLSearchParams } {
  const [, origin = '', rest = ''] = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)?(.*)$/i.exec(url) ?? [];
  const [beforeHash] = rest.split('#');
  const queryAt = beforeHash.indexOf('?');
  return queryAt < 0
    ? { origin, path: beforeHash, query: new URLSearchParams() }
    : { origin, path: beforeHash.slice(0, queryAt), query: new URLSearchParams(beforeHash.slice(queryAt + 1)) };
}

/** Whether `actual` holds exactly the parameters of `expected`, no more. */
export function sameQuery(expected: Record<string, string>, actual: URLSearchParams): boolean {
  const names = Object.keys(expected);
  return names.length === [...actual.keys()].length && names.every((name) => actual.getAll(name).join() === expected[name]);
}
