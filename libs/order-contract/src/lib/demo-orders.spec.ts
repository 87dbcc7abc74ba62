import { DEMO_ITEMS } from '@boundary/inventory-contract';
import { CreateOrderRequestSchema } from './create-order.schema';
import { DEMO_ORDERS, DEMO_USER_ID } from './demo-orders';

describe('DEMO_ORDERS', () => {
  it('order only the inventory’s demo items, so a demo order finds its stock', () => {
    const stocked = DEMO_ITEMS.map(({ item }) => item);
    for (const { item } of DEMO_ORDERS) expect(stocked).toContain(item);
  });

  it('are orders the Order Service would accept anew for the demo user', () => {
    for (const { item, quantity } of DEMO_ORDERS) {
      expect(CreateOrderRequestSchema.safeParse({ user_id: DEMO_USER_ID, item, quantity }).success).toBe(true);
    }
  });
});
