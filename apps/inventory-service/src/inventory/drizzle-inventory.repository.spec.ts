import { DeadlineExceededError, IdempotencyKeyReusedError } from '@boundary/service-kit';
import { DEMO_STOCK, seedDemoStock } from '../database/demo-seed';
import type { InventoryDatabase } from '../database/inventory-database';
import { openInventoryDatabase } from '../database/open-inventory-database';
import { OutOfStockError } from '../reservations/out-of-stock.error';
import { ReservationNotFoundError } from '../reservations/reservation-not-found.error';
import { UnknownItemError } from '../reservations/unknown-item.error';
import { TEST_BACKENDS, type TestDatabase } from '../testing/test-databases';
import { DrizzleInventoryRepository } from './drizzle-inventory.repository';

describe.each(TEST_BACKENDS)('DrizzleInventoryRepository on $name', (backend) => {
  let testDatabase: TestDatabase;
  let database: InventoryDatabase;
  let repository: DrizzleInventoryRepository;

  beforeAll(async () => {
    testDatabase = await backend.create();
    database = await openInventoryDatabase(testDatabase.options({ seedDemoData: true }));
    repository = new DrizzleInventoryRepository(database);
  });

  afterAll(async () => {
    await database?.close();
    await testDatabase?.drop();
  });

  describe('find', () => {
    it('answers the demo stock of the demo orders’ items', async () => {
      expect(await repository.find('Laptop')).toEqual({ item: 'Laptop', in_stock: DEMO_STOCK['Laptop'] });
      expect(await repository.find('Mouse')).toEqual({ item: 'Mouse', in_stock: DEMO_STOCK['Mouse'] });
      expect(await repository.find('Webcam')).toEqual({ item: 'Webcam', in_stock: 0 });
    });

    it('answers undefined for an item it does not stock', async () => {
      expect(await repository.find('Unicorn')).toBeUndefined();
    });
  });

  describe('reserve', () => {
    it('makes a reservation and takes its units from stock', async () => {
      await repository.setStock('Pen', 10);
      const { reservation, created } = await repository.reserve({ item: 'Pen', quantity: 3 });
      expect(created).toBe(true);
      expect(reservation).toEqual({ reservation_id: expect.stringMatching(/^res_[0-9a-f-]{36}$/), item: 'Pen', quantity: 3 });
      expect(await repository.find('Pen')).toEqual({ item: 'Pen', in_stock: 7 });
    });

    it('reserves the last units, and then refuses with OutOfStockError without going below zero', async () => {
      await repository.setStock('Lamp', 2);
      await repository.reserve({ item: 'Lamp', quantity: 2 });
      await expect(repository.reserve({ item: 'Lamp', quantity: 1 })).rejects.toEqual(new OutOfStockError('Lamp', 1));
      expect(await repository.find('Lamp')).toEqual({ item: 'Lamp', in_stock: 0 });
    });

    it('refuses more than is in stock and leaves the stock as it was', async () => {
      await repository.setStock('Chair', 4);
      await expect(repository.reserve({ item: 'Chair', quantity: 5 })).rejects.toBeInstanceOf(OutOfStockError);
      expect(await repository.find('Chair')).toEqual({ item: 'Chair', in_stock: 4 });
    });

    it('rolls back a reservation that could not commit before deadlineAt: DeadlineExceededError, nothing reserved, key free', async () => {
      await repository.setStock('Clock', 2);
      await expect(repository.reserve({ item: 'Clock', quantity: 1 }, 'key-late', Date.now() - 1)).rejects.toBeInstanceOf(DeadlineExceededError);
      expect(await repository.find('Clock')).toEqual({ item: 'Clock', in_stock: 2 });
      await expect(repository.reserve({ item: 'Clock', quantity: 1 }, 'key-late')).resolves.toMatchObject({ created: true });
      expect(await repository.find('Clock')).toEqual({ item: 'Clock', in_stock: 1 });
    });

    it('commits a reservation whose deadlineAt is still ahead', async () => {
      await repository.setStock('Vase', 2);
      await expect(repository.reserve({ item: 'Vase', quantity: 1 }, undefined, Date.now() + 60_000)).resolves.toMatchObject({ created: true });
      expect(await repository.find('Vase')).toEqual({ item: 'Vase', in_stock: 1 });
    });

    it('refuses an item it does not stock with UnknownItemError', async () => {
      await expect(repository.reserve({ item: 'Unicorn', quantity: 1 })).rejects.toEqual(new UnknownItemError('Unicorn'));
    });

    it('answers a repeat of an Idempotency-Key with the first reservation and reserves nothing more', async () => {
      await repository.setStock('Cable', 10);
      const first = await repository.reserve({ item: 'Cable', quantity: 2 }, 'repo-key-repeat');
      const again = await repository.reserve({ item: 'Cable', quantity: 2 }, 'repo-key-repeat');
      expect(first.created).toBe(true);
      expect(again).toEqual({ reservation: first.reservation, created: false });
      expect(await repository.find('Cable')).toEqual({ item: 'Cable', in_stock: 8 });
    });

    it('refuses an Idempotency-Key reused with another body, reserving nothing', async () => {
      await repository.setStock('Plug', 10);
      await repository.reserve({ item: 'Plug', quantity: 1 }, 'repo-key-reused');
      await expect(repository.reserve({ item: 'Plug', quantity: 2 }, 'repo-key-reused')).rejects.toBeInstanceOf(
        IdempotencyKeyReusedError,
      );
      await expect(repository.reserve({ item: 'Pen', quantity: 1 }, 'repo-key-reused')).rejects.toBeInstanceOf(
        IdempotencyKeyReusedError,
      );
      expect(await repository.find('Plug')).toEqual({ item: 'Plug', in_stock: 9 });
    });

    it('lets a key whose first request found no stock reserve once stock is back', async () => {
      await repository.setStock('Fan', 0);
      await expect(repository.reserve({ item: 'Fan', quantity: 1 }, 'repo-key-later')).rejects.toBeInstanceOf(OutOfStockError);
      await repository.setStock('Fan', 1);
      expect((await repository.reserve({ item: 'Fan', quantity: 1 }, 'repo-key-later')).created).toBe(true);
      expect(await repository.find('Fan')).toEqual({ item: 'Fan', in_stock: 0 });
    });

    it('gives the last unit to exactly one of two concurrent reservations', async () => {
      await repository.setStock('Last', 1);
      const outcomes = await Promise.allSettled([
        repository.reserve({ item: 'Last', quantity: 1 }),
        repository.reserve({ item: 'Last', quantity: 1 }),
      ]);
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      const [refused] = outcomes.filter((outcome) => outcome.status === 'rejected');
      expect((refused as PromiseRejectedResult).reason).toBeInstanceOf(OutOfStockError);
      expect(await repository.find('Last')).toEqual({ item: 'Last', in_stock: 0 });
    });

    it('reserves exactly the stock for 20 concurrent reservations of 10 units, never below zero', async () => {
      await repository.setStock('Burst', 10);
      const outcomes = await Promise.allSettled(
        Array.from({ length: 20 }, () => repository.reserve({ item: 'Burst', quantity: 1 })),
      );
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(10);
      expect(await repository.find('Burst')).toEqual({ item: 'Burst', in_stock: 0 });
    });

    it('reserves once for 10 concurrent requests with one Idempotency-Key', async () => {
      await repository.setStock('Retry', 5);
      const outcomes = await Promise.all(
        Array.from({ length: 10 }, () => repository.reserve({ item: 'Retry', quantity: 2 }, 'repo-key-burst')),
      );
      expect(outcomes.filter((outcome) => outcome.created)).toHaveLength(1);
      expect(new Set(outcomes.map((outcome) => outcome.reservation.reservation_id)).size).toBe(1);
      expect(await repository.find('Retry')).toEqual({ item: 'Retry', in_stock: 3 });
    });
  });

  describe('release', () => {
    it('returns the units to stock once; a second release throws RESERVATION_RELEASED and returns nothing', async () => {
      await repository.setStock('Book', 5);
      const { reservation } = await repository.reserve({ item: 'Book', quantity: 4 });
      await repository.release(reservation.reservation_id);
      expect(await repository.find('Book')).toEqual({ item: 'Book', in_stock: 5 });
      await expect(repository.release(reservation.reservation_id)).rejects.toMatchObject({
        code: 'RESERVATION_RELEASED',
      });
      expect(await repository.find('Book')).toEqual({ item: 'Book', in_stock: 5 });
    });

    it('returns the units once for two concurrent releases of one reservation', async () => {
      await repository.setStock('Cup', 3);
      const { reservation } = await repository.reserve({ item: 'Cup', quantity: 3 });
      const outcomes = await Promise.allSettled([
        repository.release(reservation.reservation_id),
        repository.release(reservation.reservation_id),
      ]);
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(await repository.find('Cup')).toEqual({ item: 'Cup', in_stock: 3 });
    });

    it('throws RESERVATION_NOT_FOUND for an id it never issued', async () => {
      const unknown = 'res_00000000-0000-4000-8000-000000000000';
      await expect(repository.release(unknown)).rejects.toEqual(new ReservationNotFoundError(unknown, false));
    });
  });

  it('keeps the stock of seeded items when the demo seed runs again', async () => {
    await repository.setStock('Laptop', 7);
    await seedDemoStock(database.db);
    expect(await repository.find('Laptop')).toEqual({ item: 'Laptop', in_stock: 7 });
  });
});
