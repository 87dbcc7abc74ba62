import { ORDER_PLACED } from '@boundary/order-events-contract';
import { InventoryServiceClientStub } from '@boundary/inventory-client/testing';
import type { ClientProxy } from '@nestjs/microservices';
import { delay, mergeMap, of } from 'rxjs';
import { openOrderDatabase } from '../database/open-order-database';
import type { OrderDatabase } from '../database/order-database';
import { orderEventsDouble } from '../order-service.test-app';
import { DrizzleOrderRepository } from '../orders/drizzle-order.repository';
import { placed } from '../testing/placed';
import { TEST_BACKENDS, type TestDatabase } from '../testing/test-databases';
import { OutboxRelay } from './outbox-relay';
import { ReservationConfirmation } from './reservation-confirmation';

const postgres = TEST_BACKENDS.filter((backend) => backend.name === 'PostgreSQL');
const OPTIONS = { pollMs: 1_000, batchSize: 10, publishTimeoutMs: 5_000, brokerDescription: 'double', autoStart: false };

// Only a server is shared by instances; an embedded PGlite belongs to one process.
(postgres.length > 0 ? describe.each(postgres) : describe.skip.each(TEST_BACKENDS))(
  'two Order Service instances relaying one outbox on $name',
  (backend) => {
    let testDatabase: TestDatabase;
    const databases: OrderDatabase[] = [];

    beforeAll(async () => {
      testDatabase = await backend.create();
      for (let i = 0; i < 2; i++) databases.push(await openOrderDatabase(testDatabase.options()));
    });

    afterAll(async () => {
      for (const database of databases) await database.close();
      await testDatabase?.drop();
    });

    it('publish each event once, side by side: a row one relay holds is skipped by the other (FOR UPDATE SKIP LOCKED)', async () => {
      const repository = new DrizzleOrderRepository(databases[0]);
      for (let i = 0; i < 20; i++) await repository.createOrder({ user_id: `twin-${i}`, item: 'Desk', quantity: 1 }, placed());
      const events = orderEventsDouble();
      // A broker that takes 20 ms to confirm each message: both relays are mid-batch at the same time.
      const slow = { emit: (pattern: string, data: unknown) => of(null).pipe(delay(20), mergeMap(() => events.emit(pattern, data))) };
      // An inventory that confirms whatever it is asked to: this test is about the outbox rows.
      const confirmation = new ReservationConfirmation(InventoryServiceClientStub.everythingInStock() as never);
      const relays = databases.map((database) => new OutboxRelay(database, slow as unknown as ClientProxy, { ...OPTIONS }, confirmation));
      const published = await Promise.all(relays.map((relay) => relay.relayOnce()));
      expect(published).toEqual([10, 10]);
      const ids = events.delivered(ORDER_PLACED).map((event) => (event as { order_id: string }).order_id);
      expect(new Set(ids).size).toBe(20);
      events.verify();
    });
  },
);
