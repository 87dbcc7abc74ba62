import { providerStateHandlers, type ProviderStateHandlers } from '@boundary/testing/pact';
import { refusedReservation, type InventoryServiceClientStub } from '@boundary/inventory-client/testing';
import { INVENTORY_ERROR_CODES } from '@boundary/inventory-contract';
import { ORDER_PROVIDER_STATES } from '@boundary/order-contract';
import { ORDER_EVENT_PROVIDER_STATES } from '@boundary/order-events-contract';
import { sql } from 'drizzle-orm';
import { OrderDatabase } from '../database/order-database';
import { orders, outbox, users } from '../database/order-service.schema';
import { withholdBackordered } from '../events/backordered-order';
import { aReservationId } from '../testing/a-reservation-id';
import { OrderRepository } from '../orders/order.repository';

/**
 * What provider states need from the running app: its own repository, its database for clean-up, and the stub
 * standing in for the Inventory Service (verification never starts the inventory).
 */
export interface ProviderStateContext {
  repository: OrderRepository;
  database: OrderDatabase;
  inventory: InventoryServiceClientStub;
}

interface UserParams {
  userId: string;
}
interface UserWithOrdersParams extends UserParams {
  count: number;
}

/** Seeds `count` orders for `userId` through the service's own repository, as `POST /orders` would. */
export async function userHasOrders(context: ProviderStateContext, { userId, count }: UserWithOrdersParams): Promise<void> {
  for (let i = 1; i <= count; i++) {
    await context.repository.createOrder({ user_id: userId, item: `Item ${i}`, quantity: i }, { reservationId: aReservationId() });
  }
}

/**
 * Places one order (a Laptop, quantity 1) for `userId` through the repository, then backorders it as the relay does
 * when the inventory answers `HOLD_EXPIRED`: the order is `backordered`, its event withheld.
 */
export async function userHasBackorderedOrder(context: ProviderStateContext, { userId }: UserParams): Promise<void> {
  const reservationId = aReservationId();
  const { order } = await context.repository.createOrder({ user_id: userId, item: 'Laptop', quantity: 1 }, { reservationId });
  const [row] = await context.database.db.select({ id: outbox.id }).from(outbox).where(sql`${outbox.payload}->>'order_id' = ${order.order_id}`);
  await withholdBackordered(context.database.db, row.id, { kind: 'backorder', orderId: order.order_id, reservationId, code: INVENTORY_ERROR_CODES.holdExpired });
}

/** Makes `userId` known to the service with an empty history. */
export async function userHasNoOrders(context: ProviderStateContext, { userId }: UserParams): Promise<void> {
  await context.repository.registerUser(userId);
}

/** Leaves `userId` unknown: nothing to seed on a clean database. */
export async function userDoesNotExist(): Promise<void> {
  // The database is emptied after every interaction, so no one exists unless a state created them.
}

interface OrderParams {
  orderId: string;
}
interface OrderOfUserParams extends OrderParams, UserParams {}
interface CreatedOrderParams {
  key: string;
  user_id: string;
  item: string;
  quantity: number;
}

/** Stores order `orderId` (a Laptop, quantity 1) for `userId`, under that exact id, which no request can choose. */
export async function orderOfUserExists(context: ProviderStateContext, { orderId, userId }: OrderOfUserParams): Promise<void> {
  await context.repository.registerUser(userId);
  await context.database.db.insert(orders).values({ id: orderId, userId, item: 'Laptop', quantity: 1 });
}

/** Leaves `orderId` unknown: nothing to seed on a clean database. */
export async function orderDoesNotExist(): Promise<void> {
  // The database is emptied after every interaction, so no order exists unless a state created it.
}

/** Creates the order `{user_id, item, quantity}` through the repository under Idempotency-Key `key`, as a first POST would. */
export async function orderCreatedWithKey(context: ProviderStateContext, { key, ...order }: CreatedOrderParams): Promise<void> {
  await context.repository.createOrder(order, { reservationId: aReservationId(), idempotencyKey: key });
}

interface StockParams {
  item: string;
  count: number;
}

/** The inventory holds `count` units of `item` (`0`: known, sold out): reservations are made or refused `OUT_OF_STOCK`. */
export async function itemHasStock(context: ProviderStateContext, { item, count }: StockParams): Promise<void> {
  context.inventory.stocks(item, count);
}

/** The inventory does not stock `item`: its reservation is refused `422 UNKNOWN_ITEM`. */
export async function itemIsNotStocked(context: ProviderStateContext, { item }: Pick<StockParams, 'item'>): Promise<void> {
  context.inventory.forReservation(item).failsWith(refusedReservation(422, INVENTORY_ERROR_CODES.unknownItem));
}

/** The Inventory Service cannot be reached: every reservation fails as a refused connection. */
export async function inventoryIsUnavailable(context: ProviderStateContext): Promise<void> {
  context.inventory.isDown();
}

interface PlacedOrderParams {
  userId: string;
  item: string;
  quantity: number;
}

/**
 * Places the order `quantity` × `item` for `userId` through the repository, as `POST /orders` would: its event waits
 * in the outbox, and the inventory confirms its reservation when the relay asks (the relay confirms before it publishes).
 */
export async function orderPlaced(context: ProviderStateContext, { userId, item, quantity }: PlacedOrderParams): Promise<void> {
  const reservationId = aReservationId();
  context.inventory.forConfirmation(reservationId).returns({ reservation_id: reservationId, item, quantity, state: 'confirmed' });
  await context.repository.createOrder({ user_id: userId, item, quantity }, { reservationId });
}

/** Empties the database the states seeded (a test database: never pointed at real data) and the inventory's stub. */
export async function removeSeededData(context: ProviderStateContext): Promise<void> {
  await context.database.db.delete(outbox);
  await context.database.db.delete(orders);
  await context.database.db.delete(users);
  context.inventory.reset();
}

/**
 * The provider states the consumer pacts name (`ORDER_PROVIDER_STATES` of the HTTP API, `ORDER_EVENT_PROVIDER_STATES`
 * of the events), each mapped to the named function above that seeds it. Every state is undone after its interaction.
 */
export function providerStates(context: () => ProviderStateContext): ProviderStateHandlers {
  return {
    ...httpProviderStates(context),
    ...providerStateHandlers(context, ORDER_EVENT_PROVIDER_STATES, { orderPlaced }, removeSeededData),
  };
}

/** The states of the HTTP API's pacts (the User Service's). */
function httpProviderStates(context: () => ProviderStateContext): ProviderStateHandlers {
  return providerStateHandlers(
    context,
    ORDER_PROVIDER_STATES,
    {
      userHasOrders,
      userHasNoOrders,
      userHasBackorderedOrder,
      userDoesNotExist,
      orderOfUserExists,
      orderDoesNotExist,
      orderCreatedWithKey,
      itemHasStock,
      itemIsNotStocked,
      inventoryIsUnavailable,
    },
    removeSeededData,
  );
}
