import { anOrderPlacedEvent } from './order-placed.fixtures';
import { OrderPlacedEventSchema, ORDER_PLACED, ORDER_PLACED_VERSION } from './order-placed.event';

const fieldsRefused = (payload: unknown) =>
  OrderPlacedEventSchema.safeParse(payload).error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('the orders.placed contract', () => {
  it('is published under the pattern orders.placed, version 1', () => {
    expect({ ORDER_PLACED, ORDER_PLACED_VERSION }).toEqual({ ORDER_PLACED: 'orders.placed', ORDER_PLACED_VERSION: 1 });
  });

  it('accepts its fixture as it is', () => {
    expect(OrderPlacedEventSchema.parse(anOrderPlacedEvent())).toEqual(anOrderPlacedEvent());
  });

  it('strips a field it does not know (the publisher may add fields within a version)', () => {
    expect(OrderPlacedEventSchema.parse({ ...anOrderPlacedEvent(), coupon: 'X' })).toEqual(anOrderPlacedEvent());
  });

  it.each([
    ['version', { version: 2 }],
    ['order_id', { order_id: '' }],
    ['user_id', { user_id: '..' }],
    ['item', { item: 'Lap\ntop' }],
    ['quantity', { quantity: 0 }],
    ['reservation_id', { reservation_id: 'res_1' }],
    ['placed_at', { placed_at: '7 December' }],
  ])('refuses a bad %s, naming it', (field, override) => {
    expect(fieldsRefused(anOrderPlacedEvent(override as never))).toEqual([field]);
  });

  it.each(['version', 'order_id', 'user_id', 'item', 'quantity', 'reservation_id', 'placed_at'])(
    'refuses a payload without %s',
    (field) => {
      const payload: Record<string, unknown> = anOrderPlacedEvent();
      delete payload[field];
      expect(fieldsRefused(payload)).toEqual([field]);
    },
  );
});
