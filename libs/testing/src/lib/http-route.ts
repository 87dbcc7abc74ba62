import type { HttpAnswer } from './http-answers';
import { sameQuery, splitUrl, type HttpServiceRequest } from './recorded-request';

/** What a route requires of a request besides method and path. */
export interface RouteConditions {
  /** The exact query parameters; a route without `query` matches only requests without a query string. */
  query?: Record<string, string>;
  /** Headers the request must carry with these values (names compared case-insensitively); others may be present. */
  headers?: Record<string, string>;
}

/** One route of the double: what it matches, what it answers, how often it was used. */
export interface HttpRoute {
  readonly method: string;
  readonly path: string;
  readonly conditions: RouteConditions;
  readonly answer: HttpAnswer;
  used: number;
}

/** One part of a request a route looks at (method, origin, path, query or one header), as expected and as sent. */
export interface RoutePart {
  readonly part: string;
  readonly expected: string;
  readonly actual: string;
  readonly matches: boolean;
}

/** Every part `route` looks at, compared with `request`; `origin` is the double's, when it has one. */
export function compareRoute(route: HttpRoute, request: HttpServiceRequest, origin?: string): RoutePart[] {
  const sent = splitUrl(request.url);
  const expectedQuery = route.conditions.query ?? {};
  const parts: RoutePart[] = [part('method', route.method, request.method)];
  if (origin !== undefined) parts.push(part('origin', origin.replace(/\/+$/, ''), sent.origin));
  parts.push(part('path', route.path, sent.path), {
    part: 'query',
    expected: queryText(new URLSearchParams(expectedQuery)),
    actual: queryText(sent.query),
    matches: sameQuery(expectedQuery, sent.query),
  });
  for (const [name, value] of Object.entries(route.conditions.headers ?? {})) {
    parts.push(part(`header ${name}`, value, request.headers[name.toLowerCase()]));
  }
  return parts;
}

/** The route as one line: `GET /path?query {"Header":"value"}`. */
export function describeRoute(route: Pick<HttpRoute, 'method' | 'path' | 'conditions'>): string {
  const query = route.conditions.query ? `?${new URLSearchParams(route.conditions.query)}` : '';
  const headers = route.conditions.headers ? ` ${JSON.stringify(route.conditions.headers)}` : '';
  return `${route.method} ${route.path}${query}${headers}`;
}

/** The request as one line: `GET http://origin/path?query`. */
export function describeRequest(request: HttpServiceRequest): string {
  return `${request.method} ${request.url}`;
}

function part(name: string, expected: string, actual: string | undefined): RoutePart {
  return { part: name, expected, actual: actual ?? '(none)', matches: expected === actual };
}

function queryText(query: URLSearchParams): string {
  const text = query.toString();
  return text === '' ? '(none)' : `?${text}`;
}
