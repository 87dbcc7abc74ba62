import { DrizzleOrderRepository } from '../orders/drizzle-order.repository';
import { placed } from '../testing/placed';
import { TEST_BACKENDS } from '../testing/test-databases';
import { openOrderDatabase } from './open-order-database';

describe.each(TEST_BACKENDS)('Order Service database on $name across a restart', (backend) => {
  it('keeps the orders and known users, and re-running the migrations and the seed changes nothing', async () => {
    const testDatabase = await backend.create({ onDisk: true });
    try {
      const before = await openOrderDatabase(testDatabase.options({ seedDemoData: true }));
      const { order } = await new DrizzleOrderRepository(before).createOrder(
        { user_id: 'durable', item: 'Safe', quantity: 1 },
        placed('key-restart'),
      );
      await before.close();

      const after = await openOrderDatabase(testDatabase.options({ seedDemoData: true }));
      try {
        const repository = new DrizzleOrderRepository(after);
        expect(await repository.findOrder(order.order_id)).toEqual(order);
        expect((await repository.findUserOrders('user123', { limit: 50 }))?.orders).toHaveLength(2);
        expect(await repository.findUserOrders('user000', { limit: 50 })).toEqual({ orders: [] });
        // The idempotency key survived too: a retry after the restart gets the same order.
        expect(
          await repository.createOrder({ user_id: 'durable', item: 'Safe', quantity: 1 }, placed('key-restart')),
        ).toEqual({ order, created: false });
      } finally {
        await after.close();
      }
    } finally {
      await testDatabase.drop();
    }
  });
});
