import {
  OrderDetailSchema,
  type CreateOrderRequest,
  type Order,
  type OrderDetail,
} from '@boundary/order-contract';
import { checkedFixture, type Script, ScriptedStub } from '@boundary/testing';
import { map, of, type Observable } from 'rxjs';
import type { CreatedOrder, CreateOrderOptions } from '../lib/created-order';
import type { OrderServiceClient } from '../lib/order-service.client';
import type { OrderPage, OrderPageQuery } from '../lib/order-page';
import { onContractOrders } from './order.fixtures';

/**
 * How the stub answers one user; every answer returns the stub, to script the next user. `returns(orders)` checks
 * them against the contract at setup (`OffContractFixtureError`); `failsWith` takes typically an
 * `OrderServiceError` such as `new OrderServiceError({ kind: 'unavailable', resource: ORDER_SERVICE_CALLS.userOrders(id),
 * status: 503 })`.
 */
export type UserScript = Script<readonly unknown[], OrderServiceClientStub>;

const HISTORY = 'getUserOrdersFirstPage';
const PAGE = 'getUserOrdersPage';
const ORDER = 'getOrder';
const CREATE = 'createOrder';

/**
 * Stands in for the whole `OrderServiceClient`: answers as cold Observables, a call history, and — when strict, the
 * default — an `UnscriptedCallError` for a call no test scripted. A user's history (`forUser`) answers both
 * history calls (as one last page); `forPage` scripts one page of it, `forOrder` one order, `forNewOrder` the
 * creation of a user's order. With `{ strict: false }` an unscripted history is empty (or `fallback`).
 */
export class OrderServiceClientStub extends ScriptedStub implements Pick<OrderServiceClient, keyof OrderServiceClient> {
  constructor(options: { strict?: boolean; fallback?: () => Observable<Order[]> } = {}) {
    super(
      { stub: 'OrderServiceClientStub', keys: 'users', howToScript: 'stub.forUser(id).returns(...)' },
      { strict: options.strict, fallback: () => options.fallback?.() ?? of([]) },
    );
  }

  /** The user id of every history call (either kind), in order, scripted or not. */
  get calls(): string[] {
    return this.history.filter(({ method }) => method === HISTORY || method === PAGE).map(({ args }) => args[0] as string);
  }

  /** Scripts the history of `userId` (one last page); a second script for the same user replaces the first. */
  forUser(userId: string): UserScript {
    return this.script<readonly unknown[], this>(HISTORY, userId, this, onContractOrders);
  }

  /** Scripts the one page of `userId`'s history that `query` asks for; other queries fall back to `forUser`. */
  forPage(userId: string, query: OrderPageQuery = {}): Script<OrderPage, this> {
    return this.script<OrderPage, this>(PAGE, pageKey(userId, query), this, (page) => ({
      ...page,
      orders: onContractOrders(page.orders),
    }));
  }

  /** Scripts `getOrder(orderId)`; `returns` checks the order against `OrderDetailSchema`. */
  forOrder(orderId: string): Script<OrderDetail, this> {
    return this.script<OrderDetail, this>(ORDER, orderId, this, (order) => checkedFixture(OrderDetailSchema, order, { what: 'order' }));
  }

  /** Scripts `createOrder` for an order of `userId`; `returns` checks the created order against `OrderDetailSchema`. */
  forNewOrder(userId: string): Script<CreatedOrder, this> {
    return this.script<CreatedOrder, this>(CREATE, userId, this, (created) => ({
      ...created,
      order: checkedFixture(OrderDetailSchema, created.order, { what: 'order' }),
    }));
  }

  getUserOrdersFirstPage(userId: string): Observable<Order[]> {
    return this.play(HISTORY, userId);
  }

  getUserOrdersPage(userId: string, query: OrderPageQuery = {}): Observable<OrderPage> {
    const key = pageKey(userId, query);
    if (this.isScripted(PAGE, key)) return this.play(PAGE, key, [userId, query]);
    return this.play<Order[]>(HISTORY, userId, [userId, query]).pipe(map((orders) => ({ orders })));
  }

  getOrder(orderId: string): Observable<OrderDetail> {
    return this.play(ORDER, orderId);
  }

  createOrder(order: CreateOrderRequest, options: CreateOrderOptions): Observable<CreatedOrder> {
    return this.play(CREATE, order.user_id, [order, options]);
  }
}

/** One page's script key: the user and the query, as the client would send it. */
function pageKey(userId: string, { limit, cursor }: OrderPageQuery): string {
  const query = new URLSearchParams();
  if (limit !== undefined) query.set('limit', String(limit));
  if (cursor !== undefined) query.set('cursor', cursor);
  return query.size === 0 ? userId : `${userId}?${query}`;
}
