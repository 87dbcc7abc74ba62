import { INVENTORY_PROVIDER_STATES } from '@boundary/inventory-contract';
import { providerStateHandlers, type ProviderStateHandlers } from '@boundary/testing/pact';
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
 * A reservation the consumer holds, with the id the pact names (ids are the provider's to choose, so a route could
 * not make this one): its units are already out of stock.
 */
export async function reservationExists(context: ProviderStateContext, params: ReservationParams): Promise<void> {
  const { reservationId, item, quantity, key } = params;
  await context.inventory.setStock(item, 0);
  await context.database.db.insert(reservations).values({ id: reservationId, item, quantity, idempotencyKey: key });
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
    { itemHasStock, itemIsNotStocked, reservationExists },
    removeSeededData,
  );
}
