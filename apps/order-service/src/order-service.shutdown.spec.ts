import { connect } from 'node:net';
import { OrderDatabase } from './database/order-database';
import { startOrderServiceTestApp } from './order-service.test-app';
import { OrderRepository } from './orders/order.repository';
import { TEST_BACKENDS } from './testing/test-databases';

describe.each(TEST_BACKENDS)('Order Service shutdown on $name', (backend) => {
  it('stops accepting, finishes the request in flight, then closes the database', async () => {
    const testDatabase = await backend.create();
    const service = await startOrderServiceTestApp(testDatabase.options({ seedDemoData: true }));
    const { app } = service;
    try {
      await app.listen(0, '127.0.0.1');
      const url = await app.getUrl();
      const database = app.get(OrderDatabase);
      const repository = app.get(OrderRepository);

      // Hold the next history read inside the repository until the test lets it go.
      let entered!: () => void;
      const inFlight = new Promise<void>((resolve) => (entered = resolve));
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const read = repository.findUserOrders.bind(repository);
      jest.spyOn(repository, 'findUserOrders').mockImplementationOnce(async (...args) => {
        entered();
        await gate;
        return read(...args);
      });

      const slowResponse = fetch(`${url}/users/user123/orders`);
      await inFlight;
      let closed = false;
      const closing = app.close().then(() => (closed = true));

      // New connections are refused while the held request is still running on an open database.
      await expect(waitUntilRefused(url)).resolves.toBe(true);
      expect(closed).toBe(false);
      expect(database.isClosed).toBe(false);

      release();
      const response = await slowResponse;
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual([
        { order_id: 'ord001', item: 'Laptop', quantity: 1, status: 'placed' },
        { order_id: 'ord002', item: 'Mouse', quantity: 2, status: 'placed' },
      ]);
      await closing;
      expect(database.isClosed).toBe(true);
    } finally {
      await app.close();
      await testDatabase.drop();
    }
  });
});

/** Polls with fresh TCP connections until one is refused (the listener is gone); `false` if it never is. */
async function waitUntilRefused(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  for (let attempt = 0; attempt < 400; attempt++) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect(Number(port), hostname, () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
    });
    if (refused) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return false;
}
