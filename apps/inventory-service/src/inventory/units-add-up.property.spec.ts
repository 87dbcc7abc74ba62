import type { ItemUnits, ReservationState } from '@boundary/inventory-contract';
import { eq, sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { InventoryDatabase } from '../database/inventory-database';
import { reservations } from '../database/inventory-service.schema';
import { DrizzleReservationLifecycleRepository } from '../reservations/drizzle-reservation-lifecycle.repository';
import { repositoriesOn } from '../testing/repositories-on';
import { TEST_BACKENDS } from '../testing/test-databases';
import { DrizzleInventoryRepository } from './drizzle-inventory.repository';

const RUNS = Math.min(fc.readConfigureGlobal().numRuns ?? 25, 25);

/** One step a consumer, an operator or the reaper may take; `pick` chooses among the reservations made so far. */
type Step =
  | { kind: 'setStock'; item: number; count: number }
  | { kind: 'reserve'; item: number; quantity: number }
  | { kind: 'confirm' | 'ship' | 'release'; pick: number }
  | { kind: 'reap' };

const aStep: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('setStock' as const), item: fc.nat(1), count: fc.nat(6) }),
  fc.record({ kind: fc.constant('reserve' as const), item: fc.nat(1), quantity: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constantFrom('confirm' as const, 'ship' as const, 'release' as const), pick: fc.nat(7) }),
  fc.constant({ kind: 'reap' as const }),
);

/** What the inventory must hold after the steps so far: each item's available units, each reservation's state. */
class Model {
  readonly available = new Map<string, number>();
  readonly reservations: { id: string; item: string; quantity: number; state: ReservationState }[] = [];

  units(item: string): ItemUnits {
    const sum = (state: ReservationState) =>
      this.reservations.filter((r) => r.item === item && r.state === state).reduce((total, r) => total + r.quantity, 0);
    const available = this.available.get(item) ?? 0;
    const [held, confirmed, shipped] = [sum('held'), sum('confirmed'), sum('shipped')];
    return { item, available, held, confirmed, shipped, received: available + held + confirmed + shipped };
  }
}

describe.each(TEST_BACKENDS)('an item’s units on $name, whatever consumers, operators and the reaper do', (backend) => {
  let database: InventoryDatabase;
  let inventory: DrizzleInventoryRepository;
  let lifecycle: DrizzleReservationLifecycleRepository;
  let run = 0;
  const repositories = repositoriesOn(backend);

  beforeAll(async () => {
    ({ database, inventory, lifecycle } = await repositories.open());
  });

  afterAll(() => repositories.close());

  /** The units the item's reservation rows hold, per state, as the rows (not the counters) say. */
  const rowsOf = async (item: string) => {
    const rows = await database.db
      .select({ state: reservations.state, units: sql<number>`sum(${reservations.quantity})::int` })
      .from(reservations)
      .where(eq(reservations.item, item))
      .groupBy(reservations.state);
    return Object.fromEntries(rows.filter(({ state }) => state !== 'released').map(({ state, units }) => [state, units]));
  };

  /** Plays `step` on the repositories and on the model; a refusal must be the one the model expects. */
  const play = async (step: Step, model: Model, items: string[]) => {
    if (step.kind === 'setStock') {
      await inventory.setStock(items[step.item], step.count);
      model.available.set(items[step.item], step.count);
      return;
    }
    if (step.kind === 'reserve') {
      const item = items[step.item];
      const left = model.available.get(item);
      const outcome = await inventory.reserve({ item, quantity: step.quantity }).catch((error: { code?: string }) => error.code);
      if (left === undefined) return expect(outcome).toBe('UNKNOWN_ITEM');
      if (left < step.quantity) return expect(outcome).toBe('OUT_OF_STOCK');
      if (typeof outcome !== 'object') throw new Error(`reserve refused with ${outcome} while ${left} were left`);
      model.available.set(item, left - step.quantity);
      model.reservations.push({ id: outcome.reservation.reservation_id, item, quantity: step.quantity, state: 'held' });
      return;
    }
    if (step.kind === 'reap') {
      await lifecycle.releaseExpiredHolds(0, 1_000);
      for (const r of model.reservations.filter((r) => r.state === 'held')) release(model, r);
      return;
    }
    const r = model.reservations[model.reservations.length - 1 - step.pick];
    if (r === undefined) return;
    const code = (promise: Promise<unknown>) => promise.then(() => undefined, (error: { code?: string }) => error.code);
    if (step.kind === 'confirm') {
      const refused = await code(lifecycle.confirm(r.id));
      const left = model.available.get(r.item) ?? 0;
      if (r.state === 'released' && left < r.quantity) return expect(refused).toBe('HOLD_EXPIRED');
      expect(refused).toBeUndefined();
      if (r.state === 'released') model.available.set(r.item, left - r.quantity);
      if (r.state === 'held' || r.state === 'released') r.state = 'confirmed';
    } else if (step.kind === 'ship') {
      const refused = await code(lifecycle.ship(r.id));
      if (r.state === 'held' || r.state === 'released') return expect(refused).toBe('RESERVATION_NOT_CONFIRMED');
      expect(refused).toBeUndefined();
      r.state = 'shipped';
    } else {
      const refused = await code(inventory.release(r.id));
      if (r.state === 'released') return expect(refused).toBe('RESERVATION_RELEASED');
      if (r.state === 'shipped') return expect(refused).toBe('RESERVATION_SHIPPED');
      expect(refused).toBeUndefined();
      release(model, r);
    }
  };

  it('keep available + held + confirmed + shipped = received, each count matching the reservations', async () => {
    await fc.assert(
      fc.asyncProperty(fc.tuple(fc.nat(8), fc.nat(8)), fc.array(aStep, { minLength: 5, maxLength: 25, size: 'max' }), async (stocked, steps) => {
        run += 1;
        const items = [`Item A ${run}`, `Item B ${run}`];
        const model = new Model();
        const stocking: Step[] = stocked.map((count, item) => ({ kind: 'setStock', item, count }));
        for (const step of [...stocking, ...steps]) {
          await play(step, model, items);
          for (const item of items.filter((item) => model.available.has(item))) {
            const units = await inventory.units(item);
            expect(units).toEqual(model.units(item));
            const { held = 0, confirmed = 0, shipped = 0 } = await rowsOf(item);
            expect({ held, confirmed, shipped }).toEqual({ held: units?.held, confirmed: units?.confirmed, shipped: units?.shipped });
            expect((units?.available ?? 0) + held + confirmed + shipped).toBe(units?.received);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});

/** A held or confirmed reservation released in the model: its units are available again. */
function release(model: Model, r: Model['reservations'][number]): void {
  model.available.set(r.item, (model.available.get(r.item) ?? 0) + r.quantity);
  r.state = 'released';
}
