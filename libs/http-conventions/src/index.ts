export * from './lib/request-id.header';
export * from './lib/idempotency-key.header';
export * from './lib/dot-segment';
export * from './lib/route-template';
export * from './lib/path-template';
export * from './lib/idempotency-key.schema';
export * from './lib/deadline.header';
export * from './lib/provider-state';
