export * from './item.fixtures';
export * from './inventory-service-client.stub';
export * from './refused-reservation';
