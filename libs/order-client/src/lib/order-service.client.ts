import { HttpService } from '@nestjs/axios';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { OrderListSchema, type Order } from '@boundary/order-contract';
import { AxiosError, type AxiosResponse } from 'axios';
import { catchError, map, Observable, throwError, timeout, TimeoutError } from 'rxjs';
import {
  OrderServiceBadResponseError,
  OrderServiceError,
  OrderServiceNotFoundError,
  OrderServiceRejectedError,
  OrderServiceTimeoutError,
  OrderServiceUnavailableError,
} from './errors';
import { ORDER_CLIENT_OPTIONS } from './order-client.module-definition';
import type { OrderClientOptions } from './order-client.options';
import { userOrdersPath } from './user-orders.path';

/** Talks to the Order Service over HTTP and hands back contract-checked data or a typed `OrderServiceError`. */
@Injectable()
export class OrderServiceClient {
  private readonly logger = new Logger(OrderServiceClient.name);
  private readonly baseUrl: string;

  constructor(
    private readonly http: HttpService,
    @Inject(ORDER_CLIENT_OPTIONS) private readonly options: OrderClientOptions,
  ) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  /**
   * A user's orders, validated against `OrderListSchema`. Cold: nothing is sent until subscription, and
   * unsubscribing aborts the request.
   *
   * Fails with `OrderServiceNotFoundError` (404), `OrderServiceUnavailableError` (refused, reset, 5xx),
   * `OrderServiceTimeoutError` (no answer within `timeoutMs`), `OrderServiceBadResponseError` (not JSON or
   * off-contract) or `OrderServiceRejectedError` (any other 4xx).
   */
  getUserOrders(userId: string): Observable<Order[]> {
    const url = `${this.baseUrl}${userOrdersPath(userId)}`;
    return this.http.get<unknown>(url, { headers: { Accept: 'application/json' } }).pipe(
      timeout({ first: this.options.timeoutMs }),
      map((response) => this.parseOrders(userId, response)),
      catchError((error: unknown) => {
        const failure = this.toOrderServiceError(userId, error);
        this.logger.debug(`GET ${url} failed: ${failure.message}`);
        return throwError(() => failure);
      }),
    );
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
    if (error instanceof TimeoutError) {
      return new OrderServiceTimeoutError(userId, this.options.timeoutMs, { cause: error });
    }
    if (error instanceof AxiosError) {
      const status = error.response?.status;
      if (status === undefined) {
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
