export * from './lib/errors/order-service.error';
export * from './lib/order-client.module';
export * from './lib/order-service.client';

export * from './lib/order-page';
export * from './lib/created-order';
