import { OrderDatabase } from '../database/order-database';
import { startOrderServiceTestApp } from '../order-service.test-app';
import { TcpProxy } from '../testing/tcp-proxy';
import { TEST_BACKENDS } from '../testing/test-databases';

describe.each(TEST_BACKENDS)('Order Service health on $name', (backend) => {
  it('is live and ready while the database answers, and not ready once it is gone', async () => {
    const testDatabase = await backend.create();
    const service = await startOrderServiceTestApp(testDatabase.options());
    try {
      expect((await service.get('/health/live').expect(200)).body).toMatchObject({ status: 'ok' });
      expect((await service.get('/health/ready').expect(200)).body).toMatchObject({
        status: 'ok',
        info: { database: { status: 'up' } },
      });
      await service.app.get(OrderDatabase).close();
      const response = await service.get('/health/ready').expect(503);
      expect(response.body).toEqual({ error: 'Not ready: database unreachable', code: 'NOT_READY' });
      await service.get('/health/live').expect(200);
    } finally {
      await service.app.close();
      await testDatabase.drop();
    }
  });

  if (backend.name === 'PostgreSQL') {
    it('answers 503 JSON while PostgreSQL is down and recovers without a restart once it is back', async () => {
      const testDatabase = await backend.create();
      const url = new URL(testDatabase.options().url as string);
      const proxy = await TcpProxy.start(url.hostname, Number(url.port || 5432));
      url.host = `127.0.0.1:${proxy.port}`;
      const service = await startOrderServiceTestApp(testDatabase.options({ url: url.toString() }));
      service.inventory.stocks('Umbrella', 10);
      try {
        const order = { user_id: 'resilient', item: 'Umbrella', quantity: 1 };
        await service.http().post('/orders').send(order).expect(201);

        await proxy.down();
        const read = await service.get('/users/resilient/orders').expect(503);
        expect(read.body).toEqual({
          error: 'Database unavailable, try again later',
          code: 'DATABASE_UNAVAILABLE',
          user_id: 'resilient',
        });
        const write = await service.http().post('/orders').send(order).expect(503);
        expect(write.body).toEqual({ error: expect.any(String), code: 'DATABASE_UNAVAILABLE' });
        // Reserved first, then released when the write failed: the units are back.
        expect(service.inventory.releasedReservations).toHaveLength(1);
        expect(service.inventory.unitsLeft('Umbrella')).toBe(9);
        expect((await service.get('/health/ready').expect(503)).body).toMatchObject({ code: 'NOT_READY' });

        await proxy.up();
        await service.get('/health/ready').expect(200);
        expect((await service.get('/users/resilient/orders').expect(200)).body).toEqual([
          { order_id: expect.any(String), item: 'Umbrella', quantity: 1, status: 'placed' },
        ]);
      } finally {
        await service.app.close();
        await proxy.down();
        await testDatabase.drop();
      }
    });
  }
});
