import { DrizzleOrderRepository } from '../orders/drizzle-order.repository';
import { TEST_BACKENDS } from '../testing/test-databases';
import { openOrderDatabase } from './open-order-database';

describe.each(TEST_BACKENDS)('openOrderDatabase on $name', (backend) => {
  it('loads no demo data unless asked to', async () => {
    const testDatabase = await backend.create();
    const database = await openOrderDatabase(testDatabase.options({ seedDemoData: false }));
    try {
      const repository = new DrizzleOrderRepository(database);
      expect(await repository.findUserOrders('user123', { limit: 50 })).toBeUndefined();
      expect(await repository.findOrder('ord001')).toBeUndefined();
    } finally {
      await database.close();
      await testDatabase.drop();
    }
  });

  // Several instances of a deployment start at once against one server; only PostgreSQL can be shared.
  if (backend.name === 'PostgreSQL') {
    it('lets instances starting together migrate one fresh database, one at a time', async () => {
      const testDatabase = await backend.create();
      const opened = await Promise.allSettled(
        Array.from({ length: 4 }, () => openOrderDatabase(testDatabase.options({ seedDemoData: true }))),
      );
      try {
        expect(opened.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
        const [first] = opened as PromiseFulfilledResult<Awaited<ReturnType<typeof openOrderDatabase>>>[];
        expect((await new DrizzleOrderRepository(first.value).findUserOrders('user123', { limit: 50 }))?.orders).toHaveLength(2);
      } finally {
        for (const result of opened) if (result.status === 'fulfilled') await result.value.close();
        await testDatabase.drop();
      }
    });
  }
});
