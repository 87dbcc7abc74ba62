export * from './item.fixtures';
export * from './inventory-service-client.stub';
export * from './refused-reservation';
// The resources the client calls, for the `InventoryServiceError`s a test scripts.
export { INVENTORY_SERVICE_CALLS } from '../lib/inventory-service.calls';
