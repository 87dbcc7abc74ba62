import { HttpService } from '@nestjs/axios';
import type { Provider } from '@nestjs/common';
import { AxiosHeaders, type AxiosRequestConfig, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import { defer, finalize, type Observable, throwError } from 'rxjs';
import { httpServiceAnswer } from './http-answer.observable';
import type { HttpAnswer } from './http-answers';
import { compareRoute, describeRequest, describeRoute, type HttpRoute, type RouteConditions } from './http-route';
import { readPactRoutes, type PactSelection } from './pact-routes';
import { recordRequest, type HttpServiceRequest } from './recorded-request';
import { closestRoutes, nearMissReport, UnmatchedRequestError } from './unmatched-request.error';

/**
 * Stands in for `@nestjs/axios`' `HttpService`: routes match method + path (compared as sent, percent-encoding
 * included) + query + headers, answers are real `AxiosResponse`/`AxiosError` objects, every request is recorded.
 * Requests are cold like `HttpService`'s: nothing is recorded until subscription. A request no route matches
 * fails with an `UnmatchedRequestError` showing the closest routes and which part of the request each one refused.
 *
 * @example
 * const http = new HttpServiceDouble().on('GET', '/users/user123/orders', answers(200, [{ order_id: 'ord001' }]));
 * Test.createTestingModule({ ... }).overrideProvider(HttpService).useValue(http)
 */
export class HttpServiceDouble {
  /** Every request, in order, matched or not. */
  readonly requests: HttpServiceRequest[] = [];
  private readonly routes: HttpRoute[] = [];
  private readonly unmatched: HttpServiceRequest[] = [];
  private open = 0;

  /** `origin` (e.g. `http://orders.test:5001`): when given, requests to any other origin match no route. */
  constructor(private readonly origin?: string) {}

  /**
   * A double playing the interactions of the pact in `file` (Pact specification 2 to 4), so a test plays exactly
   * what the provider verified: each interaction becomes a route from its example request (method, path, query,
   * headers) to its example response (status, headers, body), in the provider states `selection.states` chooses
   * (every interaction when omitted). Throws `PactDoubleError` for a state the pact does not name.
   *
   * @example HttpServiceDouble.fromPact('pacts/user-service-order-service.json', { states: ['user user123 has 2 orders'] })
   */
  static fromPact(file: string, selection: PactSelection & { origin?: string } = {}): HttpServiceDouble {
    const double = new HttpServiceDouble(selection.origin);
    for (const route of readPactRoutes(file, selection)) double.on(route.method, route.path, route.answer, route.conditions);
    return double;
  }

  /** Adds a route answering every matching request with `answer`. The first route that matches wins. */
  on(method: string, path: string, answer: HttpAnswer, conditions: RouteConditions = {}): this {
    this.routes.push({ method: method.toUpperCase(), path, conditions, answer, used: 0 });
    return this;
  }

  /** Requests subscribed to and not yet answered, failed or unsubscribed: 0 once a caller gave up cleanly. */
  get inFlight(): number {
    return this.open;
  }

  /** Forgets routes and recorded requests, for a double shared by the tests of a file (call it in `afterEach`). */
  reset(): void {
    this.routes.length = 0;
    this.requests.length = 0;
    this.unmatched.length = 0;
  }

  /**
   * Fails, naming them, if any request matched no route or any route was never used; each unmatched request is
   * followed by its closest routes and the parts that differ.
   */
  verifyAllUsed(): void {
    const problems = [
      ...this.unmatched.map((r) => `unmatched request: ${describeRequest(r)}`),
      ...this.routes.filter((r) => r.used === 0).map((r) => `unused route: ${describeRoute(r)}`),
    ];
    if (problems.length === 0) return;
    const nearMisses = this.unmatched.map(
      (r) => `near misses of ${nearMissReport(r, closestRoutes(r, this.routes, this.origin), this.routes.length)}`,
    );
    throw new Error([`HttpServiceDouble:\n  ${problems.join('\n  ')}`, ...nearMisses].join('\n'));
  }

  request<T = unknown>(config: AxiosRequestConfig): Observable<AxiosResponse<T>> {
    return defer(() => {
      const request = recordRequest(config);
      this.requests.push(request);
      const route = this.routes.find((r) => this.matches(r, request));
      if (!route) {
        this.unmatched.push(request);
        return throwError(() => new UnmatchedRequestError(request, this.routes, this.origin));
      }
      route.used++;
      this.open++;
      return httpServiceAnswer(route.answer, internalConfig(config)).pipe(finalize(() => this.open--)) as Observable<
        AxiosResponse<T>
      >;
    });
  }

  get<T = unknown>(url: string, config: AxiosRequestConfig = {}): Observable<AxiosResponse<T>> {
    return this.request<T>({ ...config, url, method: 'get' });
  }

  delete<T = unknown>(url: string, config: AxiosRequestConfig = {}): Observable<AxiosResponse<T>> {
    return this.request<T>({ ...config, url, method: 'delete' });
  }

  head<T = unknown>(url: string, config: AxiosRequestConfig = {}): Observable<AxiosResponse<T>> {
    return this.request<T>({ ...config, url, method: 'head' });
  }

  post<T = unknown>(url: string, data?: unknown, config: AxiosRequestConfig = {}): Observable<AxiosResponse<T>> {
    return this.request<T>({ ...config, url, data, method: 'post' });
  }

  put<T = unknown>(url: string, data?: unknown, config: AxiosRequestConfig = {}): Observable<AxiosResponse<T>> {
    return this.request<T>({ ...config, url, data, method: 'put' });
  }

  patch<T = unknown>(url: string, data?: unknown, config: AxiosRequestConfig = {}): Observable<AxiosResponse<T>> {
    return this.request<T>({ ...config, url, data, method: 'patch' });
  }

  private matches(route: HttpRoute, request: HttpServiceRequest): boolean {
    return compareRoute(route, request, this.origin).every((part) => part.matches);
  }
}

/** Replaces `HttpService` with `double` in a module's `providers`. */
export function provideHttpServiceDouble(double: HttpServiceDouble = new HttpServiceDouble()): Provider {
  return { provide: HttpService, useValue: double };
}

function internalConfig(config: AxiosRequestConfig): InternalAxiosRequestConfig {
  return { ...config, headers: AxiosHeaders.from(config.headers as never) };
}
