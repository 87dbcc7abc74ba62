import { InventoryServiceClient } from '@boundary/inventory-client';
import { startFulfilmentServiceTestApp } from './fulfilment-service.test-app';

describe('fulfilment-service wiring of the Inventory Service client', () => {
  it('provides InventoryServiceClient from its root module', async () => {
    const { app } = await startFulfilmentServiceTestApp({ inventory: 'real' });
    try {
      expect(app.get(InventoryServiceClient)).toBeInstanceOf(InventoryServiceClient);
    } finally {
      await app.close();
    }
  });
});
