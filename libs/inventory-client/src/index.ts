export * from './lib/errors/inventory-service.error';
export * from './lib/inventory-client.module';
export * from './lib/inventory-service.client';
export * from './lib/made-reservation';
