export * from './lib/errors/inventory-service.error';
export * from './lib/inventory-client.module';
export * from './lib/inventory-client.options';
export { INVENTORY_CLIENT_OPTIONS } from './lib/inventory-client.module-definition';
export * from './lib/inventory-service.client';
export * from './lib/made-reservation';
