import { providerState } from '@boundary/http-conventions';
import type { CreateOrderRequest } from './create-order.schema';

/**
 * The provider states the Order Service's consumers may give an interaction, each written once: a consumer's pact
 * spec names them with their parameters, the Order Service's verification seeds each through a handler map keyed by
 * the same names (`@boundary/testing/pact`'s `providerStateHandlers`), so a misspelt or missing state does not compile.
 */
export const ORDER_PROVIDER_STATES = {
  /** `userId` has `count` orders. */
  userHasOrders: providerState<{ userId: string; count: number }>('user {userId} has {count} orders'),
  /** `userId` has one order, backordered: the inventory held nothing for it any more when it was to be confirmed. */
  userHasBackorderedOrder: providerState<{ userId: string }>('user {userId} has a backordered order'),
  /** `userId` is known, with an empty history. */
  userHasNoOrders: providerState<{ userId: string }>('user {userId} has no orders'),
  /** `userId` is unknown to the Order Service. */
  userDoesNotExist: providerState<{ userId: string }>('user {userId} does not exist'),
  /** Order `orderId` exists and belongs to `userId`. */
  orderOfUserExists: providerState<{ orderId: string; userId: string }>('order {orderId} of user {userId} exists'),
  /** No order has the id `orderId`. */
  orderDoesNotExist: providerState<{ orderId: string }>('order {orderId} does not exist'),
  /** The order `{ user_id, item, quantity }` was created under Idempotency-Key `key`. */
  orderCreatedWithKey: providerState<{ key: string } & CreateOrderRequest>('an order was created with Idempotency-Key {key}'),
  /** The Order Service's inventory holds `count` units of `item` (`0`: known, sold out). */
  itemHasStock: providerState<{ item: string; count: number }>('item {item} has {count} in stock'),
  /** The Order Service's inventory does not stock `item`. */
  itemIsNotStocked: providerState<{ item: string }>('item {item} is not in the inventory'),
  /** The Order Service cannot reach its inventory. */
  inventoryIsUnavailable: providerState('the inventory is unavailable'),
} as const;
