import type { OrderDetail } from '@boundary/order-contract';

/** How `createOrder` makes its POST safe to repeat. */
export interface CreateOrderOptions {
  /** Sent as `Idempotency-Key` (1–255 printable ASCII characters): a repeat with it never creates a second order. */
  idempotencyKey: string;
}

/** The answer of `createOrder`: the order, and whether this call created it (`false`: a repeat of an earlier one). */
export interface CreatedOrder {
  order: OrderDetail;
  created: boolean;
}
