export * from './lib/order.schema';
export * from './lib/user-id.schema';
export * from './lib/error-body.schema';
export * from './lib/order.fixtures';
export * from './lib/json-schemas';
