export * from './lib/order.schema';
export * from './lib/order-status.schema';
// An order's item is an inventory item, its quantity a reservation's: the inventory contract's rules, re-exported for
// the contract's readers.
export { MAX_ITEM_LENGTH, MAX_QUANTITY } from '@boundary/inventory-contract';
export * from './lib/user-id.schema';
export * from './lib/demo-orders';
export * from './lib/create-order.schema';
export * from './lib/order-history-query.schema';
export * from './lib/order-id.schema';
export * from './lib/json-schemas';
export { DOT_SEGMENTS, isDotSegment } from '@boundary/http-conventions';
// The Order Service's idempotency key is the shared convention's; re-exported for the contract's readers.
export { IDEMPOTENCY_KEY_CHARACTER_CLASS, IdempotencyKeySchema, MAX_IDEMPOTENCY_KEY_LENGTH } from '@boundary/http-conventions';
export * from './lib/order-routes';
export * from './lib/order-placement-refusals';
export * from './lib/order-provider-states';
