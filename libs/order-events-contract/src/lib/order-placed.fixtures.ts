import { ORDER_PLACED_VERSION, type OrderPlacedEvent } from './order-placed.event';

/** A valid `orders.placed` payload; `overrides` replace single fields (a test names only what it is about). */
export function anOrderPlacedEvent(overrides: Partial<OrderPlacedEvent> = {}): OrderPlacedEvent {
  return {
    version: ORDER_PLACED_VERSION,
    order_id: 'ord_00000000-0000-4000-8000-000000000001',
    user_id: 'user123',
    item: 'Laptop',
    quantity: 1,
    reservation_id: 'res_00000000-0000-4000-8000-000000000001',
    placed_at: '2026-12-07T07:00:00.000Z',
    ...overrides,
  };
}
