import { DEMO_ITEM, UNKNOWN_ITEM_ID } from '@boundary/inventory-contract';
import { InventoryRepository } from '../inventory/inventory.repository';
import { startInventoryServiceTestApp, type InventoryServiceTestApp } from '../inventory-service.test-app';

describe('GET /items/:itemId (the Inventory Service on its embedded database)', () => {
  let service: InventoryServiceTestApp;
  beforeAll(async () => {
    service = await startInventoryServiceTestApp();
    await service.app.get(InventoryRepository).setStock(DEMO_ITEM.item, DEMO_ITEM.in_stock);
  });
  afterAll(async () => {
    await service?.app.close();
  });

  it('answers 200 with the item’s stock', async () => {
    expect((await service.get(`/items/${DEMO_ITEM.item}`).expect(200)).body).toEqual(DEMO_ITEM);
  });

  it('answers the stock a reservation left', async () => {
    await service.app.get(InventoryRepository).setStock('Lamp', 3);
    await service.http().post('/reservations').send({ item: 'Lamp', quantity: 2 }).expect(201);
    expect((await service.get('/items/Lamp').expect(200)).body).toEqual({ item: 'Lamp', in_stock: 1 });
  });

  it('answers 404 JSON with ITEM_NOT_FOUND for an item it does not stock', async () => {
    expect((await service.get(`/items/${UNKNOWN_ITEM_ID}`).expect(404)).body).toEqual({
      error: 'Unknown item',
      code: 'ITEM_NOT_FOUND',
    });
  });

  it('answers 400 JSON with INVALID_ITEM_ID for an id an order could not carry (over 200 characters)', async () => {
    const response = await service.get(`/items/${'x'.repeat(201)}`).expect(400);
    expect(response.body).toMatchObject({ code: 'INVALID_ITEM_ID' });
    expect(response.body.error).toMatch(/^Invalid item id: /);
  });
});
