export * from './lib/order.schema';
export * from './lib/user-id.schema';
export * from './lib/error-body.schema';
export * from './lib/order.fixtures';
export * from './lib/create-order.schema';
export * from './lib/order-history-query.schema';
export * from './lib/order-id.schema';
export * from './lib/json-schemas';
export { isDotSegment } from '@boundary/http-conventions';
