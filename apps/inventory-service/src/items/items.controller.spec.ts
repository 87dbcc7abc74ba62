import { DEMO_ITEM, UNKNOWN_ITEM_ID } from '@boundary/inventory-contract';
import { startInventoryServiceTestApp, type InventoryServiceTestApp } from '../inventory-service.test-app';
import { InMemoryItemRepository } from './in-memory-item.repository';
import { ItemRepository } from './item.repository';

describe('GET /items/:itemId (the Inventory Service, module level)', () => {
  let service: InventoryServiceTestApp;
  beforeAll(async () => {
    service = await startInventoryServiceTestApp();
    await (service.app.get(ItemRepository) as InMemoryItemRepository).save(DEMO_ITEM);
  });
  afterAll(async () => {
    await service?.app.close();
  });

  it('answers 200 with the item its repository finds', async () => {
    expect((await service.get(`/items/${DEMO_ITEM.id}`).expect(200)).body).toEqual(DEMO_ITEM);
  });

  it('answers 404 JSON with ITEM_NOT_FOUND for an id it does not know', async () => {
    expect((await service.get(`/items/${UNKNOWN_ITEM_ID}`).expect(404)).body).toEqual({
      error: 'Unknown item',
      code: 'ITEM_NOT_FOUND',
    });
  });

  it('answers 400 JSON with INVALID_ITEM_ID for an id over 128 characters', async () => {
    expect((await service.get(`/items/${'x'.repeat(129)}`).expect(400)).body).toEqual({
      error: 'Invalid item id: item id must be at most 128 characters',
      code: 'INVALID_ITEM_ID',
    });
  });
});
