import { INVENTORY_PROVIDER_STATES } from '@boundary/inventory-contract';
import { providerStateHandlers, type ProviderStateHandlers } from '@boundary/testing/pact';
import { sql } from 'drizzle-orm';
import type { InventoryDatabase } from '../database/inventory-database';
import { reservations, stock } from '../database/inventory-service.schema';
import type { InventoryRepository } from '../inventory/inventory.repository';

/** What the provider states need from the running app: its repository, and its database to seed what no route makes. */
export interface ProviderStateContext {
  inventory: InventoryRepository;
  database: InventoryDatabase;
}

interface StockParams {
  item: string;
  count: number;
}

interface ReservationParams {
  reservationId: string;
  item: string;
  quantity: number;
  key?: string;
}

/** Stocks `count` units of `item` (`0`: a known item, sold out). */
export async function itemHasStock(context: ProviderStateContext, { item, count }: StockParams): Promise<void> {
  await context.inventory.setStock(item, count);
}

/** Leaves `item` unstocked: every state is undone after its interaction, so nothing exists unless seeded. */
export async function itemIsNotStocked(): Promise<void> {
  // Nothing to seed.
}

/**
 * A hold the consumer made, with the id the pact names (ids are the provider's to choose, so a route could not make
 * this one): its units are held, none left in stock.
 */
export async function reservationExists(context: ProviderStateContext, params: ReservationParams): Promise<void> {
  const { reservationId, item, quantity, key } = params;
  await seedReservation(context, { reservationId, item, quantity, key }, 'held', 0);
}

/** A confirmed reservation with the id the pact names: its units are confirmed, none left in stock. */
export async function reservationIsConfirmed(context: ProviderStateContext, params: ReservationParams): Promise<void> {
  await seedReservation(context, params, 'confirmed', 0);
}

/** A hold with the id the pact names that expired unconfirmed: its units went back, `count` units are in stock. */
export async function holdHasExpired(context: ProviderStateContext, params: ReservationParams & { count: number }): Promise<void> {
  await seedReservation(context, params, 'released', params.count);
}

/** Stocks `available` units of the item and writes the reservation in `state`, its units counted in that state. */
async function seedReservation(
  context: ProviderStateContext,
  { reservationId, item, quantity, key }: ReservationParams,
  state: 'held' | 'confirmed' | 'released',
  available: number,
): Promise<void> {
  await context.inventory.setStock(item, available);
  const now = sql`now()`;
  await context.database.db.insert(reservations).values({
    id: reservationId,
    item,
    quantity,
    idempotencyKey: key,
    state,
    ...(state === 'confirmed' ? { confirmedAt: now } : {}),
    ...(state === 'released' ? { releasedAt: now } : {}),
  });
  if (state !== 'released') {
    await context.database.db
      .update(stock)
      .set({ [state]: quantity, received: sql`${stock.received} + ${quantity}` })
      .where(sql`${stock.item} = ${item}`);
  }
}

/** Forgets what the states seeded: the next interaction starts from an empty inventory. */
export async function removeSeededData(context: ProviderStateContext): Promise<void> {
  await context.database.db.delete(reservations);
  await context.database.db.delete(stock);
}

/**
 * The provider states the consumers' pacts name (`INVENTORY_PROVIDER_STATES`), each mapped to the named function
 * above that seeds it. Every state is undone after its interaction.
 */
export function providerStates(context: () => ProviderStateContext): ProviderStateHandlers {
  return providerStateHandlers(
    context,
    INVENTORY_PROVIDER_STATES,
    { itemHasStock, itemIsNotStocked, reservationExists, reservationIsConfirmed, holdHasExpired },
    removeSeededData,
  );
}
