export * from './lib/order-placed.event';
export * from './lib/order-placed.fixtures';
export * from './lib/order-placed.queue';
export * from './lib/order-events.async-api';
export * from './lib/order-event-provider-states';
