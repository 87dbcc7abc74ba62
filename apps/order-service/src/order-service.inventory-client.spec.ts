import { InventoryServiceClient } from '@boundary/inventory-client';
import { startOrderServiceTestApp } from './order-service.test-app';
import { TEST_BACKENDS } from './testing/test-databases';

describe('Order Service wiring of the Inventory Service client', () => {
  it('provides InventoryServiceClient from its root module', async () => {
    const testDatabase = await TEST_BACKENDS[0].create();
    const { app } = await startOrderServiceTestApp(testDatabase.options(), { inventory: 'real' });
    try {
      expect(app.get(InventoryServiceClient)).toBeInstanceOf(InventoryServiceClient);
    } finally {
      await app.close();
      await testDatabase.drop();
    }
  });
});
