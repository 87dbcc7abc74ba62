import type { CreateOrderRequest, OrderDetail } from '@boundary/order-contract';

/** Whether `order` is what `request` asks for: a repeat of its Idempotency-Key is answered it, anything else is a reuse. */
export function isSameOrder(order: OrderDetail, request: CreateOrderRequest): boolean {
  return order.user_id === request.user_id && order.item === request.item && order.quantity === request.quantity;
}
