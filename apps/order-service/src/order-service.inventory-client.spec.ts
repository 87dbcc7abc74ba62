import { InventoryServiceClient } from '@boundary/inventory-client';
import { startOrderServiceTestApp } from './order-service.test-app';

describe('Order Service wiring of the Inventory Service client', () => {
  it('provides InventoryServiceClient from its root module', async () => {
    const { app } = await startOrderServiceTestApp();
    try {
      expect(app.get(InventoryServiceClient)).toBeInstanceOf(InventoryServiceClient);
    } finally {
      await app.close();
    }
  });
});
