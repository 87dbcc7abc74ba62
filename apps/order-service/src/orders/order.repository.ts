import type { CreateOrderRequest, Order, OrderDetail } from '@boundary/order-contract';

/** Which slice of a user's history to read: at most `limit` orders, strictly older than order `after`. */
export interface OrderHistorySliceRequest {
  limit: number;
  /** Id of the last order of the previous slice; absent for the newest orders. */
  after?: string;
}

/** A slice of a user's history, newest first (the controller answers it as one page). */
export interface OrderHistorySlice {
  orders: Order[];
  /** Id to pass as `after` for the next slice; absent on the oldest one. */
  nextAfter?: string;
}

/** What placing an order settled before it is written: the reservation holding its units, and the caller's key. */
export interface OrderPlacementFacts {
  /** The Inventory Service's reservation (`res_…`), stored on the order and announced in `orders.placed`. */
  reservationId: string;
  idempotencyKey?: string;
}

/** The outcome of {@link OrderRepository.createOrder}: the order, and whether this call created it. */
export interface OrderCreation {
  order: OrderDetail;
  /** `false` when an earlier request with the same idempotency key created it. */
  created: boolean;
}

/**
 * Where the Order Service keeps orders. The controller depends on this abstraction only, so storage can change
 * (PGlite, PostgreSQL) without touching the HTTP layer.
 */
export abstract class OrderRepository {
  /**
   * A slice of the user's orders, newest first (ties broken by id); `undefined` when the service does not know the
   * user. Throws {@link InvalidCursorError} when `after` is not one of this user's orders.
   */
  abstract findUserOrders(userId: string, slice: OrderHistorySliceRequest): Promise<OrderHistorySlice | undefined>;

  /** The order with its owner, or `undefined`. */
  abstract findOrder(orderId: string): Promise<OrderDetail | undefined>;

  /**
   * Stores a new order (the user becomes known) and its `orders.placed` event in the outbox, in one transaction that
   * commits before resolving: an order is never stored without its event. With an `idempotencyKey`, at most one
   * order is ever created for the key: a repeat with the same body resolves to that order (`created: false`, no
   * second event), a repeat with a different body throws {@link IdempotencyKeyReusedError}.
   */
  abstract createOrder(request: CreateOrderRequest, placement: OrderPlacementFacts): Promise<OrderCreation>;

  /** The order an earlier request with `idempotencyKey` created, or `undefined`. */
  abstract findOrderByIdempotencyKey(idempotencyKey: string): Promise<OrderDetail | undefined>;

  /** Makes the user known without any order (their history answers `[]`, not `404`). Idempotent. */
  abstract registerUser(userId: string): Promise<void>;
}
