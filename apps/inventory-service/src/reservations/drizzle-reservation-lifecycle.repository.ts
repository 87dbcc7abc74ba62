import type { ReservationState, ReservationStatus } from '@boundary/inventory-contract';
import { Injectable } from '@nestjs/common';
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { InventoryDatabase } from '../database/inventory-database';
import { reservations } from '../database/inventory-service.schema';
import { moveUnits, type InventoryTx } from '../inventory/stock-units';
import { HoldExpiredError } from './hold-expired.error';
import { ReservationLifecycleRepository } from './reservation-lifecycle.repository';
import { ReservationNotConfirmedError } from './reservation-not-confirmed.error';
import { ReservationNotFoundError } from './reservation-not-found.error';

const wireStatus = {
  reservation_id: reservations.id,
  item: reservations.item,
  quantity: reservations.quantity,
  state: reservations.state,
};

/** `ReservationLifecycleRepository` on the service's database (PGlite or PostgreSQL), through Drizzle. */
@Injectable()
export class DrizzleReservationLifecycleRepository extends ReservationLifecycleRepository {
  constructor(private readonly database: InventoryDatabase) {
    super();
  }

  confirm(reservationId: string): Promise<ReservationStatus> {
    return this.database.db.transaction(async (tx) => {
      const found = await this.locked(tx, reservationId);
      if (found.state === 'confirmed' || found.state === 'shipped') return found;
      // A released hold's units went back to stock: they are taken again if still there, as a new reservation would.
      const from = found.state === 'held' ? 'held' : 'inStock';
      if (!(await moveUnits(tx, found.item, found.quantity, from, 'confirmed'))) {
        throw new HoldExpiredError(reservationId, found.item, found.quantity);
      }
      return this.moveTo(tx, found, 'confirmed', { confirmedAt: sql`now()` });
    });
  }

  ship(reservationId: string): Promise<ReservationStatus> {
    return this.database.db.transaction(async (tx) => {
      const found = await this.locked(tx, reservationId);
      if (found.state === 'shipped') return found;
      if (found.state !== 'confirmed') throw new ReservationNotConfirmedError(reservationId, found.state);
      await moveUnits(tx, found.item, found.quantity, 'confirmed', 'shipped');
      return this.moveTo(tx, found, 'shipped', { shippedAt: sql`now()` });
    });
  }

  releaseExpiredHolds(holdMs: number, limit: number): Promise<number> {
    return this.database.db.transaction(async (tx) => {
      // SKIP LOCKED: a hold being confirmed (or reaped by another instance) right now is left to that transaction.
      const expired = await tx
        .select({ id: reservations.id, item: reservations.item, quantity: reservations.quantity })
        .from(reservations)
        .where(and(eq(reservations.state, 'held'), lte(reservations.createdAt, sql`now() - ${holdMs}::double precision * interval '1 millisecond'`)))
        .orderBy(asc(reservations.item))
        .limit(limit)
        .for('update', { skipLocked: true });
      if (expired.length === 0) return 0;
      await tx
        .update(reservations)
        .set({ state: 'released', releasedAt: sql`now()`, idempotencyKey: null })
        .where(inArray(reservations.id, expired.map(({ id }) => id)));
      // Stock rows in item order, as every reaper takes them: two instances reaping at once never deadlock.
      for (const [item, quantity] of unitsByItem(expired)) await moveUnits(tx, item, quantity, 'held', 'inStock');
      return expired.length;
    });
  }

  /** The reservation, its row locked until the transaction ends: racing moves of one reservation take turns. */
  private async locked(tx: InventoryTx, reservationId: string): Promise<ReservationStatus> {
    const [found] = await tx.select(wireStatus).from(reservations).where(eq(reservations.id, reservationId)).for('update');
    if (found === undefined) throw new ReservationNotFoundError(reservationId, false);
    return found;
  }

  private async moveTo(
    tx: InventoryTx,
    found: ReservationStatus,
    state: ReservationState,
    timestamps: Partial<Record<'confirmedAt' | 'shippedAt', ReturnType<typeof sql>>>,
  ): Promise<ReservationStatus> {
    await tx.update(reservations).set({ state, ...timestamps }).where(eq(reservations.id, found.reservation_id));
    return { ...found, state };
  }
}

/** The units of `holds` summed per item, in item order. */
function unitsByItem(holds: readonly { item: string; quantity: number }[]): [string, number][] {
  const sums = new Map<string, number>();
  for (const { item, quantity } of holds) sums.set(item, (sums.get(item) ?? 0) + quantity);
  return [...sums].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
