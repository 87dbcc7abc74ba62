import { HttpService } from '@nestjs/axios';
import type { Provider } from '@nestjs/common';
import { AxiosHeaders, type AxiosRequestConfig, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import { defer, finalize, type Observable, throwError } from 'rxjs';
import { httpServiceAnswer } from './http-answer.observable';
import { recordRequest, sameQuery, splitUrl, type HttpServiceRequest } from './recorded-request';
import type { HttpAnswer } from './http-answers';

/** What a route requires of a request besides method and path. */
export interface RouteConditions {
  /** The exact query parameters; a route without `query` matches only requests without a query string. */
  query?: Record<string, string>;
  /** Headers the request must carry with these values (names compared case-insensitively); others may be present. */
  headers?: Record<string, string>;
}

interface Route {
  method: string;
  path: string;
  conditions: RouteConditions;
  answer: HttpAnswer;
  used: number;
}

/** A request matched no route. The Observable fails with it, and `verifyAllUsed()` reports it. */
export class UnmatchedRequestError extends Error {
  constructor(request: HttpServiceRequest, routes: readonly string[]) {
    super(`HttpServiceDouble: no route for ${describe(request)}; routes: ${routes.join(', ') || '(none)'}`);
    this.name = 'UnmatchedRequestError';
  }
}

/**
 * Stands in for `@nestjs/axios`' `HttpService`: routes match method + path (compared as sent, percent-encoding
 * included) + query + headers, answers are real `AxiosResponse`/`AxiosError` objects, every request is recorded.
 * Requests are cold like `HttpService`'s: nothing is recorded until subscription.
 *
 * @example
 * const http = new HttpServiceDouble().on('GET', '/users/user123/orders', answersOrders(ordersFor('user123', 2)));
 * Test.createTestingModule({ ... }).overrideProvider(HttpService).useValue(http)
 */
export class HttpServiceDouble {
  /** Every request, in order, matched or not. */
  readonly requests: HttpServiceRequest[] = [];
  private readonly routes: Route[] = [];
  private readonly unmatched: HttpServiceRequest[] = [];
  private open = 0;

  /** `origin` (e.g. `http://orders.test:5001`): when given, requests to any other origin match no route. */
  constructor(private readonly origin?: string) {}

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

  /** Fails, naming them, if any request matched no route or any route was never used. */
  verifyAllUsed(): void {
    const problems = [
      ...this.unmatched.map((r) => `unmatched request: ${describe(r)}`),
      ...this.routes.filter((r) => r.used === 0).map((r) => `unused route: ${describeRoute(r)}`),
    ];
    if (problems.length > 0) throw new Error(`HttpServiceDouble:\n  ${problems.join('\n  ')}`);
  }

  request<T = unknown>(config: AxiosRequestConfig): Observable<AxiosResponse<T>> {
    return defer(() => {
      const request = recordRequest(config);
      this.requests.push(request);
      const route = this.routes.find((r) => this.matches(r, request));
      if (!route) {
        this.unmatched.push(request);
        return throwError(() => new UnmatchedRequestError(request, this.routes.map(describeRoute)));
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

  private matches(route: Route, request: HttpServiceRequest): boolean {
    const { origin, path, query } = splitUrl(request.url);
    if (route.method !== request.method || route.path !== path) return false;
    if (this.origin !== undefined && origin !== this.origin.replace(/\/+$/, '')) return false;
    if (!sameQuery(route.conditions.query ?? {}, query)) return false;
    return Object.entries(route.conditions.headers ?? {}).every(
      ([name, value]) => request.headers[name.toLowerCase()] === value,
    );
  }
}

/** Replaces `HttpService` with `double` in a module's `providers`. */
export function provideHttpServiceDouble(double: HttpServiceDouble = new HttpServiceDouble()): Provider {
  return { provide: HttpService, useValue: double };
}

function internalConfig(config: AxiosRequestConfig): InternalAxiosRequestConfig {
  return { ...config, headers: AxiosHeaders.from(config.headers as never) };
}

function describe(request: HttpServiceRequest): string {
  return `${request.method} ${request.url}`;
}

function describeRoute(route: Route): string {
  const query = route.conditions.query ? `?${new URLSearchParams(route.conditions.query)}` : '';
  const headers = route.conditions.headers ? ` ${JSON.stringify(route.conditions.headers)}` : '';
  return `${route.method} ${route.path}${query}${headers}`;
}
