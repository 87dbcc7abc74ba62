import { eq, sql } from 'drizzle-orm';
import type { InventoryDatabase } from '../database/inventory-database';
import { reservations } from '../database/inventory-service.schema';
import { DrizzleInventoryRepository } from '../inventory/drizzle-inventory.repository';
import { repositoriesOn } from '../testing/repositories-on';
import { TEST_BACKENDS } from '../testing/test-databases';
import { DrizzleReservationLifecycleRepository } from './drizzle-reservation-lifecycle.repository';
import { HoldExpiredError } from './hold-expired.error';
import { ReservationNotConfirmedError } from './reservation-not-confirmed.error';
import { ReservationNotFoundError } from './reservation-not-found.error';
import { ReservationShippedError } from './reservation-shipped.error';

const UNKNOWN = 'res_00000000-0000-4000-8000-000000000000';
/** A hold expires after this long in the tests that must not see it expire. */
const LONG_HOLD_MS = 3_600_000;

describe.each(TEST_BACKENDS)('DrizzleReservationLifecycleRepository on $name', (backend) => {
  let database: InventoryDatabase;
  let inventory: DrizzleInventoryRepository;
  let lifecycle: DrizzleReservationLifecycleRepository;
  const repositories = repositoriesOn(backend);

  beforeAll(async () => {
    ({ database, inventory, lifecycle } = await repositories.open());
  });

  afterAll(() => repositories.close());

  /** A hold of `quantity` units of a fresh item stocked with `stocked`. */
  const hold = async (item: string, stocked: number, quantity: number, key?: string) => {
    await inventory.setStock(item, stocked);
    return (await inventory.reserve({ item, quantity }, key)).reservation.reservation_id;
  };
  const units = (item: string) => inventory.units(item);
  const releaseAllHolds = () => lifecycle.releaseExpiredHolds(0, 1_000);

  describe('confirm', () => {
    it('moves a hold’s units from held to confirmed, and answers a repeat as it is', async () => {
      const id = await hold('Desk', 5, 2);
      expect(await lifecycle.confirm(id)).toEqual({ reservation_id: id, item: 'Desk', quantity: 2, state: 'confirmed' });
      expect(await units('Desk')).toEqual({ item: 'Desk', available: 3, held: 0, confirmed: 2, shipped: 0, received: 5 });
      expect(await lifecycle.confirm(id)).toMatchObject({ state: 'confirmed' });
      expect(await units('Desk')).toMatchObject({ available: 3, confirmed: 2 });
    });

    it('reserves an expired hold’s units again when stock allows', async () => {
      const id = await hold('Lamp', 3, 2);
      expect(await releaseAllHolds()).toBeGreaterThanOrEqual(1);
      expect(await units('Lamp')).toMatchObject({ available: 3, held: 0 });
      expect(await lifecycle.confirm(id)).toMatchObject({ state: 'confirmed' });
      expect(await units('Lamp')).toEqual({ item: 'Lamp', available: 1, held: 0, confirmed: 2, shipped: 0, received: 3 });
    });

    it('refuses an expired hold with HoldExpiredError when fewer units are left, reserving nothing', async () => {
      const id = await hold('Vase', 2, 2);
      await releaseAllHolds();
      await inventory.reserve({ item: 'Vase', quantity: 1 });
      await expect(lifecycle.confirm(id)).rejects.toEqual(new HoldExpiredError(id, 'Vase', 2));
      expect(await units('Vase')).toEqual({ item: 'Vase', available: 1, held: 1, confirmed: 0, shipped: 0, received: 2 });
      await expect(inventory.release(id)).rejects.toMatchObject({ code: 'RESERVATION_RELEASED' });
    });

    it('answers a shipped reservation as it is', async () => {
      const id = await hold('Pen', 1, 1);
      await lifecycle.confirm(id);
      await lifecycle.ship(id);
      expect(await lifecycle.confirm(id)).toMatchObject({ state: 'shipped' });
      expect(await units('Pen')).toMatchObject({ confirmed: 0, shipped: 1 });
    });

    it('throws ReservationNotFoundError for an id it never issued', async () => {
      await expect(lifecycle.confirm(UNKNOWN)).rejects.toEqual(new ReservationNotFoundError(UNKNOWN, false));
    });

    it('confirms once for 10 concurrent confirmations', async () => {
      const id = await hold('Cup', 4, 3);
      const answers = await Promise.all(Array.from({ length: 10 }, () => lifecycle.confirm(id)));
      expect(new Set(answers.map((answer) => answer.state))).toEqual(new Set(['confirmed']));
      expect(await units('Cup')).toEqual({ item: 'Cup', available: 1, held: 0, confirmed: 3, shipped: 0, received: 4 });
    });
  });

  describe('ship', () => {
    it('moves a confirmed reservation’s units to shipped, and answers a repeat as it is', async () => {
      const id = await hold('Chair', 4, 3);
      await lifecycle.confirm(id);
      expect(await lifecycle.ship(id)).toEqual({ reservation_id: id, item: 'Chair', quantity: 3, state: 'shipped' });
      expect(await lifecycle.ship(id)).toMatchObject({ state: 'shipped' });
      expect(await units('Chair')).toEqual({ item: 'Chair', available: 1, held: 0, confirmed: 0, shipped: 3, received: 4 });
    });

    it.each([
      ['held', async (id: string) => id, 'held'],
      ['released', async (id: string) => inventory.release(id), 'released'],
    ])('refuses a %s reservation with ReservationNotConfirmedError, shipping nothing', async (_case, prepare, state) => {
      const item = `Unconfirmed ${state}`;
      const id = await hold(item, 2, 1);
      await prepare(id);
      await expect(lifecycle.ship(id)).rejects.toEqual(new ReservationNotConfirmedError(id, state as 'held'));
      expect(await units(item)).toMatchObject({ shipped: 0, received: 2 });
    });

    it('throws ReservationNotFoundError for an id it never issued', async () => {
      await expect(lifecycle.ship(UNKNOWN)).rejects.toEqual(new ReservationNotFoundError(UNKNOWN, false));
    });
  });

  describe('release of a confirmed or shipped reservation', () => {
    it('puts a confirmed reservation’s units back', async () => {
      const id = await hold('Tray', 2, 2);
      await lifecycle.confirm(id);
      await inventory.release(id);
      expect(await units('Tray')).toEqual({ item: 'Tray', available: 2, held: 0, confirmed: 0, shipped: 0, received: 2 });
    });

    it('refuses a shipped one with ReservationShippedError, putting nothing back', async () => {
      const id = await hold('Box', 2, 2);
      await lifecycle.confirm(id);
      await lifecycle.ship(id);
      await expect(inventory.release(id)).rejects.toEqual(new ReservationShippedError(id));
      expect(await units('Box')).toMatchObject({ available: 0, shipped: 2 });
    });
  });

  describe('releaseExpiredHolds', () => {
    it('releases only holds older than the hold, leaving confirmed ones and younger holds', async () => {
      const expired = await hold('Fan', 10, 1);
      const young = await inventory.reserve({ item: 'Fan', quantity: 2 });
      const confirmed = await inventory.reserve({ item: 'Fan', quantity: 3 });
      await lifecycle.confirm(confirmed.reservation.reservation_id);
      // The first hold was made two hours ago, as the database sees it.
      await database.db.update(reservations).set({ createdAt: sql`now() - interval '2 hours'` }).where(eq(reservations.id, expired));

      expect(await lifecycle.releaseExpiredHolds(LONG_HOLD_MS, 100)).toBe(1);
      expect(await units('Fan')).toEqual({ item: 'Fan', available: 5, held: 2, confirmed: 3, shipped: 0, received: 10 });
      expect(await lifecycle.releaseExpiredHolds(LONG_HOLD_MS, 100)).toBe(0);
      await expect(lifecycle.confirm(young.reservation.reservation_id)).resolves.toMatchObject({ state: 'confirmed' });
    });

    it('frees an expired hold’s Idempotency-Key: the caller’s retry with it reserves anew', async () => {
      const first = await hold('Plug', 2, 1, 'reaped-key');
      await releaseAllHolds();
      const again = await inventory.reserve({ item: 'Plug', quantity: 1 }, 'reaped-key');
      expect(again.created).toBe(true);
      expect(again.reservation.reservation_id).not.toBe(first);
    });

    it('releases at most `limit` holds a call, the rest at the next', async () => {
      await releaseAllHolds();
      await inventory.setStock('Batch', 5);
      for (let i = 0; i < 5; i++) await inventory.reserve({ item: 'Batch', quantity: 1 });
      expect(await lifecycle.releaseExpiredHolds(0, 3)).toBe(3);
      expect(await lifecycle.releaseExpiredHolds(0, 3)).toBe(2);
      expect(await units('Batch')).toMatchObject({ available: 5, held: 0 });
    });

    it('races a confirmation of the same hold without losing or doubling a unit', async () => {
      const id = await hold('Race', 1, 1);
      const [confirmed] = await Promise.allSettled([lifecycle.confirm(id), releaseAllHolds()]);
      // Either order ends with the one unit confirmed: reaped first, the confirmation reserved it again.
      expect(confirmed).toMatchObject({ status: 'fulfilled', value: { state: 'confirmed' } });
      expect(await units('Race')).toEqual({ item: 'Race', available: 0, held: 0, confirmed: 1, shipped: 0, received: 1 });
    });
  });
});
