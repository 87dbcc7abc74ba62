import { startInventoryServiceTestApp } from '../inventory-service.test-app';
import { InventoryRepository } from '../inventory/inventory.repository';

describe('the Inventory Service releasing holds never confirmed, on its own (its reaper on a 20 ms tick)', () => {
  it('puts an unconfirmed hold’s units back after the hold, and leaves a confirmed reservation’s', async () => {
    const service = await startInventoryServiceTestApp({ reservations: { holdMs: 50, reapEveryMs: 20 } });
    try {
      await service.app.get(InventoryRepository).setStock('Kettle', 5);
      const reserve = async (quantity: number) =>
        (await service.http().post('/reservations').send({ item: 'Kettle', quantity }).expect(201)).body.reservation_id as string;
      await reserve(2);
      await service.http().put(`/reservations/${await reserve(1)}/confirmation`).expect(200);
      const units = async () => (await service.get('/items/Kettle/units').expect(200)).body;

      for (let poll = 0; poll < 250 && (await units()).held > 0; poll++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await units()).toEqual({ item: 'Kettle', available: 4, held: 0, confirmed: 1, shipped: 0, received: 5 });
    } finally {
      await service.app.close();
    }
  });
});
