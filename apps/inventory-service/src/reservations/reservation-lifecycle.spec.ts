import { INVENTORY_ROUTES } from '@boundary/inventory-contract';
import { expandPath } from '@boundary/http-conventions';
import { InventoryRepository } from '../inventory/inventory.repository';
import { startInventoryServiceTestApp, type InventoryServiceTestApp } from '../inventory-service.test-app';
import { ReservationLifecycleRepository } from './reservation-lifecycle.repository';

const UNKNOWN = 'res_00000000-0000-4000-8000-000000000000';

describe('Inventory Service PUT /reservations/:id/confirmation and /shipment, GET /items/:id/units', () => {
  let service: InventoryServiceTestApp;
  let inventory: InventoryRepository;

  beforeAll(async () => {
    service = await startInventoryServiceTestApp();
    inventory = service.app.get(InventoryRepository);
  });

  afterAll(async () => {
    await service?.app.close();
  });

  const hold = async (item: string, stocked: number, quantity: number): Promise<string> => {
    await inventory.setStock(item, stocked);
    return (await service.http().post('/reservations').send({ item, quantity }).expect(201)).body.reservation_id;
  };
  const confirm = (reservationId: string) => service.http().put(confirmPath(reservationId));
  const ship = (reservationId: string) => service.http().put(shipPath(reservationId));
  const unitsOf = async (item: string) => (await service.get(expandPath(INVENTORY_ROUTES.itemUnits, { itemId: item })).expect(200)).body;

  it('confirms a hold (200 with its state), ships it (200), answering each repeat the same, the units following', async () => {
    const id = await hold('Desk', 5, 2);
    expect(await unitsOf('Desk')).toEqual({ item: 'Desk', available: 3, held: 2, confirmed: 0, shipped: 0, received: 5 });

    const confirmed = { reservation_id: id, item: 'Desk', quantity: 2, state: 'confirmed' };
    expect((await confirm(id).expect(200).expect('Content-Type', /json/)).body).toEqual(confirmed);
    expect((await confirm(id).expect(200)).body).toEqual(confirmed);
    expect(await unitsOf('Desk')).toEqual({ item: 'Desk', available: 3, held: 0, confirmed: 2, shipped: 0, received: 5 });

    const shipped = { ...confirmed, state: 'shipped' };
    expect((await ship(id).expect(200)).body).toEqual(shipped);
    expect((await ship(id).expect(200)).body).toEqual(shipped);
    expect((await confirm(id).expect(200)).body).toEqual(shipped);
    expect(await unitsOf('Desk')).toEqual({ item: 'Desk', available: 3, held: 0, confirmed: 0, shipped: 2, received: 5 });
  });

  it('confirms an expired hold again while stock allows, and answers 409 HOLD_EXPIRED when it does not', async () => {
    const lifecycle = service.app.get(ReservationLifecycleRepository);
    const reserved = await hold('Lamp', 2, 2);
    const refused = await hold('Mug', 1, 1);
    await lifecycle.releaseExpiredHolds(0, 100);
    await inventory.setStock('Mug', 0);

    expect((await confirm(reserved).expect(200)).body).toMatchObject({ state: 'confirmed' });
    expect(await unitsOf('Lamp')).toMatchObject({ available: 0, held: 0, confirmed: 2 });
    expect((await confirm(refused).expect(409)).body).toEqual({
      error: `Reservation ${refused} was released before it was confirmed, and fewer than 1 "Mug" are left to reserve again`,
      code: 'HOLD_EXPIRED',
    });
    expect(await unitsOf('Mug')).toEqual({ item: 'Mug', available: 0, held: 0, confirmed: 0, shipped: 0, received: 0 });
  });

  it('answers 409 RESERVATION_NOT_CONFIRMED for shipping a hold, shipping nothing', async () => {
    const id = await hold('Vase', 1, 1);
    expect((await ship(id).expect(409)).body).toEqual({
      error: `Reservation ${id} is held, not confirmed: nothing was shipped`,
      code: 'RESERVATION_NOT_CONFIRMED',
    });
    expect(await unitsOf('Vase')).toMatchObject({ held: 1, shipped: 0 });
  });

  it('answers 409 RESERVATION_SHIPPED for releasing a shipped reservation, putting nothing back', async () => {
    const id = await hold('Box', 1, 1);
    await confirm(id).expect(200);
    await ship(id).expect(200);
    expect((await service.http().delete(`/reservations/${id}`).expect(409)).body).toEqual({
      error: `Reservation ${id} was shipped: its units cannot go back to stock`,
      code: 'RESERVATION_SHIPPED',
    });
    expect(await unitsOf('Box')).toMatchObject({ available: 0, shipped: 1 });
  });

  it.each([
    ['confirming', confirmPath],
    ['shipping', shipPath],
  ])('answers 404 RESERVATION_NOT_FOUND for %s an id it never issued', async (_case, path) => {
    expect((await service.http().put(path(UNKNOWN)).expect(404)).body).toEqual({
      error: `Unknown reservation ${UNKNOWN}`,
      code: 'RESERVATION_NOT_FOUND',
    });
  });

  it.each([
    ['confirming', confirmPath],
    ['shipping', shipPath],
  ])('answers 400 INVALID_RESERVATION_ID for %s a malformed id', async (_case, path) => {
    expect((await service.http().put(path('res_nope')).expect(400)).body).toEqual({
      error: 'Invalid reservation id: must be res_ followed by a UUID',
      code: 'INVALID_RESERVATION_ID',
    });
  });

  it('answers GET /items/:id/units 404 ITEM_NOT_FOUND for an item it does not stock, 400 for an invalid id', async () => {
    expect((await service.get('/items/Unicorn/units').expect(404)).body).toEqual({ error: 'Unknown item', code: 'ITEM_NOT_FOUND' });
    expect((await service.get(`/items/${'x'.repeat(201)}/units`).expect(400)).body).toMatchObject({ code: 'INVALID_ITEM_ID' });
  });
});

function confirmPath(reservationId: string): string {
  return expandPath(INVENTORY_ROUTES.reservationConfirmation, { reservationId });
}

function shipPath(reservationId: string): string {
  return expandPath(INVENTORY_ROUTES.reservationShipment, { reservationId });
}

describe('Inventory Service PUT /reservations/:id/shipment with a body of another kind', () => {
  let service: InventoryServiceTestApp;
  beforeAll(async () => {
    service = await startInventoryServiceTestApp();
    await service.app.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await service?.app.close();
  });

  const put = async (headers: Record<string, string>, body?: string) =>
    fetch(`${await service.app.getUrl()}${shipPath(UNKNOWN)}`, {
      method: 'PUT',
      headers,
      // An empty stream: sent chunked, without a Content-Type, as Pact's verifier sends a PUT without a body.
      body: body ?? new ReadableStream({ start: (controller) => controller.close() }),
      duplex: 'half',
    } as RequestInit);

  it('reads an empty chunked body without a Content-Type as no body', async () => {
    const response = await put({});
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 404,
      body: { error: `Unknown reservation ${UNKNOWN}`, code: 'RESERVATION_NOT_FOUND' },
    });
  });

  it('answers 415 JSON for a non-empty body of a type it does not read', async () => {
    const response = await put({ 'content-type': 'application/xml' }, '<ship/>');
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 415,
      body: { error: 'Unsupported Media Type: application/xml', code: 'UNSUPPORTED_MEDIA_TYPE' },
    });
  });
});
