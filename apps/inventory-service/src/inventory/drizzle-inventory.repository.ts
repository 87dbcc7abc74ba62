import { DeadlineExceededError, IdempotencyKeyReusedError } from '@boundary/service-kit';
import { Injectable } from '@nestjs/common';
import { eq, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { InventoryDatabase, type InventoryDb } from '../database/inventory-database';
import { reservations, stock } from '../database/inventory-service.schema';
import { OutOfStockError } from '../reservations/out-of-stock.error';
import { ReservationNotFoundError } from '../reservations/reservation-not-found.error';
import type { CreateReservationRequest, Item, ItemUnits, Reservation } from '@boundary/inventory-contract';
import { ReservationShippedError } from '../reservations/reservation-shipped.error';
import { UnknownItemError } from '../reservations/unknown-item.error';
import { InventoryRepository, type ReservationOutcome } from './inventory.repository';
import { moveUnits, type InventoryTx } from './stock-units';

const wireStockLevel = { item: stock.item, in_stock: stock.inStock };
const wireUnits = {
  item: stock.item,
  available: stock.inStock,
  held: stock.held,
  confirmed: stock.confirmed,
  shipped: stock.shipped,
  received: stock.received,
};
const wireReservation = { reservation_id: reservations.id, item: reservations.item, quantity: reservations.quantity };

/** `InventoryRepository` on the service's database (PGlite or PostgreSQL), through Drizzle. */
@Injectable()
export class DrizzleInventoryRepository extends InventoryRepository {
  constructor(private readonly database: InventoryDatabase) {
    super();
  }

  async find(item: string): Promise<Item | undefined> {
    const [level] = await this.database.db.select(wireStockLevel).from(stock).where(eq(stock.item, item));
    return level;
  }

  async units(item: string): Promise<ItemUnits | undefined> {
    const [units] = await this.database.db.select(wireUnits).from(stock).where(eq(stock.item, item));
    return units;
  }

  async setStock(item: string, inStock: number): Promise<void> {
    // Units reserved stay as they are: what was received changes by what the count of available units changes by.
    await this.database.db
      .insert(stock)
      .values({ item, inStock, received: inStock })
      .onConflictDoUpdate({
        target: stock.item,
        set: { inStock, received: sql`${inStock}::bigint + ${stock.held} + ${stock.confirmed} + ${stock.shipped}` },
      });
  }

  async reserve(request: CreateReservationRequest, idempotencyKey?: string, deadlineAt?: number): Promise<ReservationOutcome> {
    return this.database.db.transaction(async (tx) => {
      // Items are never removed, so a known item stays known for the rest of the transaction.
      const [known] = await tx.select({ item: stock.item }).from(stock).where(eq(stock.item, request.item));
      if (!known) throw new UnknownItemError(request.item);
      // The reservation row first: with a key, a concurrent request with the same key waits here for the first to
      // commit (or roll back), then inserts nothing and answers the first reservation, so it never reserves twice.
      const [created] = await tx
        .insert(reservations)
        .values({ id: `res_${randomUUID()}`, item: request.item, quantity: request.quantity, idempotencyKey })
        .onConflictDoNothing({ target: reservations.idempotencyKey })
        .returning(wireReservation);
      if (!created) return { reservation: await this.earlier(tx, request, idempotencyKey as string), created: false };
      // Thrown inside the transaction: the reservation row inserted above is rolled back too.
      if (!(await moveUnits(tx, request.item, request.quantity, 'inStock', 'held'))) {
        throw new OutOfStockError(request.item, request.quantity);
      }
      // Last, after every wait for a lock: a caller that has stopped waiting must not be left holding stock.
      DeadlineExceededError.throwIfPassed(deadlineAt);
      return { reservation: created, created: true };
    });
  }

  /** The reservation an earlier request with `idempotencyKey` made, if its body was the same. */
  private async earlier(tx: InventoryTx, request: CreateReservationRequest, idempotencyKey: string): Promise<Reservation> {
    const [earlier] = await tx.select(wireReservation).from(reservations).where(eq(reservations.idempotencyKey, idempotencyKey));
    if (earlier.item !== request.item || earlier.quantity !== request.quantity) {
      throw new IdempotencyKeyReusedError(idempotencyKey);
    }
    return earlier;
  }

  async release(reservationId: string): Promise<void> {
    await this.database.db.transaction(async (tx) => {
      // The row lock first: of two concurrent releases, the second waits for the first to commit, then finds the
      // reservation released and moves nothing, so the units go back once.
      const [found] = await tx
        .select({ item: reservations.item, quantity: reservations.quantity, state: reservations.state })
        .from(reservations)
        .where(eq(reservations.id, reservationId))
        .for('update');
      if (found === undefined || found.state === 'released') throw new ReservationNotFoundError(reservationId, found !== undefined);
      if (found.state === 'shipped') throw new ReservationShippedError(reservationId);
      // Its Idempotency-Key is freed: a caller releases what it could not use (e.g. its own write failed after
      // reserving), and its retry with the same key must reserve again rather than be answered a reservation that no
      // longer holds anything.
      await tx
        .update(reservations)
        .set({ state: 'released', releasedAt: sql`now()`, idempotencyKey: null })
        .where(eq(reservations.id, reservationId));
      await moveUnits(tx, found.item, found.quantity, found.state === 'held' ? 'held' : 'confirmed', 'inStock');
    });
  }
}
