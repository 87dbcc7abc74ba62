import { compareRoute, describeRequest, describeRoute, type HttpRoute, type RoutePart } from './http-route';
import type { HttpServiceRequest } from './recorded-request';

/** How many of the closest routes a near-miss report shows. */
const CLOSEST = 3;

/** A route that almost matched a request, and the parts of the request it looks at. */
export interface NearMiss {
  /** The route, as `describeRoute` writes it. */
  readonly route: string;
  readonly parts: readonly RoutePart[];
  /** How many of `parts` match the request. */
  readonly matching: number;
}

/**
 * A request matched no route of the `HttpServiceDouble`. The Observable fails with it, and `verifyAllUsed()`
 * reports it. Like WireMock's near-miss report, the message shows the request, the closest routes (most matching
 * parts first) and, for each, which part differs: method, origin, path, query or a header.
 */
export class UnmatchedRequestError extends Error {
  /** The closest routes, most matching parts first (at most three). */
  readonly nearMisses: readonly NearMiss[];

  constructor(
    readonly request: HttpServiceRequest,
    routes: readonly HttpRoute[],
    origin?: string,
  ) {
    const nearMisses = closestRoutes(request, routes, origin);
    super(`HttpServiceDouble: no route for ${nearMissReport(request, nearMisses, routes.length)}`);
    this.name = 'UnmatchedRequestError';
    this.nearMisses = nearMisses;
  }
}

/** The routes closest to `request`, most matching parts first; among equals, the first declared first. */
export function closestRoutes(request: HttpServiceRequest, routes: readonly HttpRoute[], origin?: string): NearMiss[] {
  return routes
    .map((route) => {
      const parts = compareRoute(route, request, origin);
      return { route: describeRoute(route), parts, matching: parts.filter((p) => p.matches).length };
    })
    .sort((a, b) => b.matching - a.matching)
    .slice(0, CLOSEST);
}

/** `request`, then each near miss with the parts that differ. */
export function nearMissReport(request: HttpServiceRequest, nearMisses: readonly NearMiss[], routeCount: number): string {
  if (nearMisses.length === 0) return `${describeRequest(request)}; routes: (none)`;
  const shown = routeCount > nearMisses.length ? ` (${nearMisses.length} of ${routeCount})` : '';
  const lines = nearMisses.flatMap((miss) => [
    `  ${miss.route} — ${miss.matching} of ${miss.parts.length} parts match`,
    ...miss.parts.filter((p) => !p.matches).map((p) => `    ${p.part}: expected ${p.expected}, got ${p.actual}`),
  ]);
  return `${describeRequest(request)}; closest routes${shown}:\n${lines.join('\n')}`;
}
