import type { HttpService } from '@nestjs/axios';
import { ProviderClient, type ClientOptions } from '@boundary/client-core';
import { IDEMPOTENCY_KEY_HEADER } from '@boundary/http-conventions';
import { OrderDetailSchema, OrderListSchema, type CreateOrderRequest, type Order, type OrderDetail } from '@boundary/order-contract';
import { map, type Observable } from 'rxjs';
import { OrderServiceError } from './errors/order-service.error';
import { nextPageCursor } from './link-header';
import { ORDER_SERVICE_CALLS } from './order-service.calls';
import type { CreatedOrder, CreateOrderOptions } from './created-order';
import type { OrderPage, OrderPageQuery } from './order-page';

/** Talks to the Order Service over HTTP and hands back contract-checked data or a typed `OrderServiceError`. */
export class OrderServiceClient {
  private readonly core: ProviderClient;
  private readonly baseUrl: string;

  constructor(http: HttpService, options: ClientOptions) {
    this.core = new ProviderClient(http, options, OrderServiceError, OrderServiceClient.name);
    this.baseUrl = options.baseUrl;
  }

  /**
   * A user's orders, validated against `OrderListSchema`, under the client core's policies (`ClientPolicy`):
   * attempt timeout, retries with back-off, circuit breaker, deadline. Cold: nothing is sent until subscription,
   * and unsubscribing aborts the request in flight and any retry.
   *
   * Fails with an `OrderServiceError` whose `kind` says why: `not-found` (404: the Order Service does not know the
   * user), `unavailable` (refused, reset, 5xx), `circuit-open` (breaker open, nothing sent; `retryAfterMs`),
   * `timeout` (deadline or last attempt timed out; `timeoutMs`; `0` when the budget of the request being served was
   * spent before the call, which then sent nothing), `bad-response` (not JSON, off-contract, larger than
   * `maxResponseBytes`; `reason`) or `rejected` (any other 4xx, e.g. 401/403 for a wrong service token).
   */
  getUserOrdersFirstPage(userId: string): Observable<Order[]> {
    return this.getUserOrdersPage(userId).pipe(map((page) => page.orders));
  }

  /**
   * One page of a user's history (`?limit=&cursor=`), with the cursor of the next page taken from the
   * `Link: <…>; rel="next"` header. Same policies and failures as `getUserOrdersFirstPage`; an expired or foreign cursor
   * is a 400 (kind `rejected`, `providerCode` `INVALID_CURSOR`), and so is the id `.` or `..`, refused without sending
   * anything.
   */
  getUserOrdersPage(userId: string, { limit, cursor }: OrderPageQuery = {}): Observable<OrderPage> {
    return this.core
      .call({ ...ORDER_SERVICE_CALLS.userOrders(userId), query: { limit, cursor }, schema: OrderListSchema })
      .pipe(
        map(({ data: orders, headers }) => {
          const nextCursor = nextPageCursor(headers['link'], this.baseUrl);
          return nextCursor === undefined ? { orders } : { orders, nextCursor };
        }),
      );
  }

  /**
   * One order with its owner (`GET /orders/:orderId`), validated against `OrderDetailSchema`. Same policies as the
   * history; an unknown order fails with kind `not-found` (its `resource.params.orderId` names the order), the id `.`
   * or `..` with kind `rejected` (400) without sending anything.
   */
  getOrder(orderId: string): Observable<OrderDetail> {
    return this.core
      .call({ ...ORDER_SERVICE_CALLS.order(orderId), schema: OrderDetailSchema })
      .pipe(map(({ data }) => data));
  }

  /**
   * Creates an order (`POST /orders`). `idempotencyKey` is sent as `Idempotency-Key`, which is what lets the
   * policies retry the POST: the Order Service answers a repeat with the first order (`created: false`). The same
   * key with another body fails with kind `rejected` (409, `providerCode` `IDEMPOTENCY_KEY_REUSED`).
   */
  createOrder(order: CreateOrderRequest, { idempotencyKey }: CreateOrderOptions): Observable<CreatedOrder> {
    return this.core
      .call({
        ...ORDER_SERVICE_CALLS.createOrder(),
        body: order,
        headers: { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
        schema: OrderDetailSchema,
      })
      .pipe(map(({ data, status }) => ({ order: data, created: status === 201 })));
  }
}
