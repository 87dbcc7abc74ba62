import { IdempotencyKeyReusedError } from '@boundary/service-kit';
import { Injectable } from '@nestjs/common';
import { and, eq, gte, isNull, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { InventoryDatabase, type InventoryDb } from '../database/inventory-database';
import { reservations, stock } from '../database/inventory-service.schema';
import { OutOfStockError } from '../reservations/out-of-stock.error';
import { ReservationNotFoundError } from '../reservations/reservation-not-found.error';
import type { CreateReservationRequest, Item, Reservation } from '@boundary/inventory-contract';
import { UnknownItemError } from '../reservations/unknown-item.error';
import { InventoryRepository, type ReservationOutcome } from './inventory.repository';

const wireStockLevel = { item: stock.item, in_stock: stock.inStock };
const wireReservation = { reservation_id: reservations.id, item: reservations.item, quantity: reservations.quantity };

/** The handle inside `db.transaction(…)`. */
type InventoryTx = Parameters<Parameters<InventoryDb['transaction']>[0]>[0];

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

  async setStock(item: string, inStock: number): Promise<void> {
    await this.database.db
      .insert(stock)
      .values({ item, inStock })
      .onConflictDoUpdate({ target: stock.item, set: { inStock } });
  }

  async reserve(request: CreateReservationRequest, idempotencyKey?: string): Promise<ReservationOutcome> {
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
      // One conditional UPDATE: the row lock serialises racing reservations, and each re-checks the stock it finds.
      const [decremented] = await tx
        .update(stock)
        .set({ inStock: sql`${stock.inStock} - ${request.quantity}` })
        .where(and(eq(stock.item, request.item), gte(stock.inStock, request.quantity)))
        .returning({ item: stock.item });
      // Thrown inside the transaction: the reservation row inserted above is rolled back too.
      if (!decremented) throw new OutOfStockError(request.item, request.quantity);
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
      // Marking it released is the guard: of two concurrent releases, the second waits for the first's row lock,
      // then finds it released and updates nothing, so the units go back once. Its Idempotency-Key is freed: a caller
      // releases what it could not use (e.g. its own write failed after reserving), and its retry with the same key
      // must reserve again rather than be answered a reservation that no longer holds anything.
      const [released] = await tx
        .update(reservations)
        .set({ releasedAt: sql`now()`, idempotencyKey: null })
        .where(and(eq(reservations.id, reservationId), isNull(reservations.releasedAt)))
        .returning({ item: reservations.item, quantity: reservations.quantity });
      if (!released) {
        const [existing] = await tx.select({ id: reservations.id }).from(reservations).where(eq(reservations.id, reservationId));
        throw new ReservationNotFoundError(reservationId, existing !== undefined);
      }
      await tx
        .update(stock)
        .set({ inStock: sql`${stock.inStock} + ${released.quantity}` })
        .where(eq(stock.item, released.item));
    });
  }
}
