import { HttpService } from '@nestjs/axios';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { isDotSegment, OrderListSchema, type Order } from '@boundary/order-contract';
import { AxiosError, type AxiosResponse } from 'axios';
import { map, Observable, throwError } from 'rxjs';
import {
  OrderServiceBadResponseError,
  OrderServiceError,
  OrderServiceNotFoundError,
  OrderServiceRejectedError,
  OrderServiceTimeoutError,
  OrderServiceUnavailableError,
} from './errors';
import { ORDER_CLIENT_OPTIONS } from './order-client.module-definition';
import { resolveOrderClientPolicy, type OrderClientOptions } from './order-client.options';
import { OrderClientPolicy } from './order-client.policy';
import { nextPageCursor } from './link-header';
import type { OrderPage, OrderPageQuery } from './order-page';
import { userOrdersPath } from './user-orders.path';

/** Header carrying the id of the request being served, joined across both services' logs. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** Talks to the Order Service over HTTP and hands back contract-checked data or a typed `OrderServiceError`. */
@Injectable()
export class OrderServiceClient {
  private readonly logger = new Logger(OrderServiceClient.name);
  private readonly baseUrl: string;
  private readonly policy: OrderClientPolicy;
  private readonly maxResponseBytes: number;

  constructor(
    private readonly http: HttpService,
    @Inject(ORDER_CLIENT_OPTIONS) private readonly options: OrderClientOptions,
  ) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    const settings = resolveOrderClientPolicy(options);
    this.policy = new OrderClientPolicy(settings);
    this.maxResponseBytes = settings.maxResponseBytes;
  }

  /**
   * A user's orders, validated against `OrderListSchema`, under the client's policies (`OrderClientPolicy`):
   * attempt timeout, retries with back-off, circuit breaker, deadline. Cold: nothing is sent until subscription,
   * and unsubscribing aborts the request in flight and any retry.
   *
   * Fails with `OrderServiceNotFoundError` (404), `OrderServiceUnavailableError` (refused, reset, 5xx),
   * `OrderServiceCircuitOpenError` (breaker open, nothing sent), `OrderServiceTimeoutError` (deadline or last
   * attempt timed out), `OrderServiceBadResponseError` (not JSON, off-contract, larger than `maxResponseBytes`)
   * or `OrderServiceRejectedError` (any other 4xx, e.g. 401/403 for a wrong service token).
   */
  getUserOrders(userId: string): Observable<Order[]> {
    return this.getUserOrdersPage(userId).pipe(map((page) => page.orders));
  }

  /**
   * One page of a user's history (`?limit=&cursor=`), with the cursor of the next page taken from the
   * `Link: <…>; rel="next"` header. Same policies and failures as `getUserOrders`; an expired or foreign cursor
   * is a 400 (`OrderServiceRejectedError`), and so is the id `.` or `..`, refused without sending anything.
   */
  getUserOrdersPage(userId: string, query: OrderPageQuery = {}): Observable<OrderPage> {
    if (isDotSegment(userId)) {
      // Sent, it would reach another resource (`/users/..` is `/`): refuse it as the Order Service would.
      return throwError(() => new OrderServiceRejectedError(userId, 400, { cause: 'dot-segment user id' }));
    }
    const url = `${this.baseUrl}${userOrdersPath(userId)}${pageQueryString(query)}`;
    const headers = this.headers();
    return new Observable<OrderPage>((subscriber) => {
      const call = new AbortController();
      let settled = false;
      this.policy
        .executeIdempotent(userId, (signal) => this.attempt(userId, url, headers, signal), call.signal)
        .then(
          (page) => {
            settled = true;
            subscriber.next(page);
            subscriber.complete();
          },
          (error: unknown) => {
            settled = true;
            if (call.signal.aborted) return;
            const failure = this.toOrderServiceError(userId, error);
            this.logger.debug(`GET ${url} failed: ${failure.message}`);
            subscriber.error(failure);
          },
        );
      // Only a call still in flight has anything to abort; aborting a settled one would build a DOMException
      // (with its stack) on every successful call for nothing.
      return () => {
        if (!settled) call.abort();
      };
    });
  }

  private headers(): Record<string, string> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.options.token !== undefined) headers['Authorization'] = `Bearer ${this.options.token}`;
    const requestId = this.options.requestId?.();
    if (requestId !== undefined) headers[REQUEST_ID_HEADER] = requestId;
    return headers;
  }

  /** One HTTP attempt; unsubscribes (aborting axios) when `signal` aborts. */
  private attempt(userId: string, url: string, headers: Record<string, string>, signal: AbortSignal): Promise<OrderPage> {
    return new Promise<OrderPage>((resolve, reject) => {
      let answered = false;
      const request = this.http
        // The attempt's own signal: the transport aborts with it directly (no controller of its own per request);
        // unsubscribing below covers an HttpService that ignores signals (a test double).
        .get<unknown>(url, { headers, signal, maxContentLength: this.maxResponseBytes, maxBodyLength: this.maxResponseBytes })
        .subscribe({
          next: (response) => {
            answered = true;
            try {
              resolve(this.parsePage(userId, response));
            } catch (error) {
              reject(error);
            }
          },
          error: (error: unknown) => reject(this.toOrderServiceError(userId, error)),
          // An error is built (stack and all) only when there is one to report: completing after an answer is the
          // normal end of every successful call.
          complete: () => {
            if (!answered) reject(new OrderServiceUnavailableError(userId, undefined, { cause: 'no response' }));
          },
        });
      signal.addEventListener('abort', () => request.unsubscribe(), { once: true });
    });
  }

  private parsePage(userId: string, response: AxiosResponse<unknown>): OrderPage {
    const orders = this.parseOrders(userId, response);
    const link = response.headers?.['link'] as string | undefined;
    const nextCursor = nextPageCursor(link, this.baseUrl);
    return nextCursor === undefined ? { orders } : { orders, nextCursor };
  }

  private parseOrders(userId: string, response: AxiosResponse<unknown>): Order[] {
    const body = typeof response.data === 'string' ? parseJson(userId, response.data) : response.data;
    const result = OrderListSchema.safeParse(body);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue.path.length > 0 ? issue.path.join('.') : 'body';
      throw new OrderServiceBadResponseError(userId, `${where}: ${issue.message}`, { cause: result.error });
    }
    return result.data;
  }

  private toOrderServiceError(userId: string, error: unknown): OrderServiceError {
    if (error instanceof OrderServiceError) return error;
    if (error instanceof AxiosError) {
      if (isTooLarge(error)) {
        return new OrderServiceBadResponseError(userId, `body larger than ${this.maxResponseBytes} bytes`, { cause: error });
      }
      const status = error.response?.status;
      // No status, or a 2xx whose body broke off (reset, aborted stream): the connection failed, not the call.
      if (status === undefined || status < 400) {
        return isTimeoutCode(error.code)
          ? new OrderServiceTimeoutError(userId, this.options.timeoutMs, { cause: error })
          : new OrderServiceUnavailableError(userId, undefined, { cause: error });
      }
      if (status === 404) return new OrderServiceNotFoundError(userId, { cause: error });
      if (status >= 500) return new OrderServiceUnavailableError(userId, status, { cause: error });
      return new OrderServiceRejectedError(userId, status, { cause: error });
    }
    return new OrderServiceUnavailableError(userId, undefined, { cause: error });
  }
}

function pageQueryString({ limit, cursor }: OrderPageQuery): string {
  const params = new URLSearchParams();
  if (limit !== undefined) params.set('limit', String(limit));
  if (cursor !== undefined) params.set('cursor', cursor);
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

function parseJson(userId: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new OrderServiceBadResponseError(userId, 'body is not valid JSON', { cause: error });
  }
}

function isTimeoutCode(code: string | undefined): boolean {
  return code === AxiosError.ECONNABORTED || code === AxiosError.ETIMEDOUT;
}

function isTooLarge(error: AxiosError): boolean {
  return error.code === AxiosError.ERR_BAD_RESPONSE && /maxContentLength|maxBodyLength/.test(error.message);
}
