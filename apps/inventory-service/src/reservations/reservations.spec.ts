import { IDEMPOTENCY_KEY_HEADER } from '@boundary/http-conventions';
import { DEADLINE_MARGIN_MS } from '@boundary/service-kit';
import { InventoryRepository } from '../inventory/inventory.repository';
import { startInventoryServiceTestApp, type InventoryServiceTestApp } from '../inventory-service.test-app';
import { TEST_BACKENDS, type TestDatabase } from '../testing/test-databases';

describe.each(TEST_BACKENDS)('Inventory Service POST /reservations and DELETE /reservations/:id on $name', (backend) => {
  let testDatabase: TestDatabase;
  let service: InventoryServiceTestApp;
  let inventory: InventoryRepository;

  beforeAll(async () => {
    testDatabase = await backend.create();
    service = await startInventoryServiceTestApp({ database: testDatabase.options() });
    inventory = service.app.get(InventoryRepository);
  });

  afterAll(async () => {
    await service?.app.close();
    await testDatabase?.drop();
  });

  const reserve = (body: unknown, idempotencyKey?: string) => {
    const test = service.http().post('/reservations');
    if (idempotencyKey !== undefined) test.set(IDEMPOTENCY_KEY_HEADER, idempotencyKey);
    return test.send(body as object);
  };
  const release = (reservationId: string) => service.http().delete(`/reservations/${reservationId}`);
  const inStock = async (item: string) => (await inventory.find(item))?.in_stock;

  it('answers 201 with the reservation and its Location, and takes the units from stock', async () => {
    await inventory.setStock('Keyboard', 5);
    const response = await reserve({ item: 'Keyboard', quantity: 2 }).expect(201).expect('Content-Type', /json/);
    expect(response.body).toEqual({
      reservation_id: expect.stringMatching(/^res_[0-9a-f-]{36}$/),
      item: 'Keyboard',
      quantity: 2,
    });
    expect(response.headers['location']).toBe(`/reservations/${response.body.reservation_id}`);
    expect(await inStock('Keyboard')).toBe(3);
  });

  it('answers 409 OUT_OF_STOCK when fewer units are left, and leaves the stock as it was', async () => {
    await inventory.setStock('Monitor', 1);
    const response = await reserve({ item: 'Monitor', quantity: 2 }).expect(409);
    expect(response.body).toEqual({ error: 'Not enough "Monitor" in stock to reserve 2', code: 'OUT_OF_STOCK' });
    expect(await inStock('Monitor')).toBe(1);
  });

  it('answers 422 UNKNOWN_ITEM for an item the inventory does not stock', async () => {
    const response = await reserve({ item: 'Unicorn', quantity: 1 }).expect(422);
    expect(response.body).toEqual({ error: 'Unknown item "Unicorn"', code: 'UNKNOWN_ITEM' });
    expect(await inventory.find('Unicorn')).toBeUndefined();
  });

  it('gives the last unit to exactly one of two concurrent requests: one 201, one 409, stock 0', async () => {
    await inventory.setStock('Last unit', 1);
    const responses = await Promise.all([
      reserve({ item: 'Last unit', quantity: 1 }),
      reserve({ item: 'Last unit', quantity: 1 }),
    ]);
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409]);
    expect(responses.find((response) => response.status === 409)?.body.code).toBe('OUT_OF_STOCK');
    expect(await inStock('Last unit')).toBe(0);
  });

  // Only a server can be shared by two instances; an embedded database belongs to one process.
  if (backend.name === 'PostgreSQL') {
    it('reserves exactly the stock for 10 concurrent requests split across two instances: five 201, five 409', async () => {
      const second = await startInventoryServiceTestApp({ database: testDatabase.options() });
      try {
        await inventory.setStock('Shared', 5);
        const responses = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            (i % 2 === 0 ? service : second).http().post('/reservations').send({ item: 'Shared', quantity: 1 }),
          ),
        );
        expect(responses.map((response) => response.status).sort()).toEqual([...Array(5).fill(201), ...Array(5).fill(409)]);
        expect(await inStock('Shared')).toBe(0);
      } finally {
        await second.app.close();
      }
    });
  }

  describe('with an Idempotency-Key', () => {
    it('answers a repeat of the same body 200 with the first reservation, reserving nothing more', async () => {
      await inventory.setStock('Desk', 3);
      const first = await reserve({ item: 'Desk', quantity: 1 }, 'key-repeat').expect(201);
      const again = await reserve({ item: 'Desk', quantity: 1 }, 'key-repeat').expect(200);
      expect(again.body).toEqual(first.body);
      expect(again.headers['location']).toBe(first.headers['location']);
      expect(await inStock('Desk')).toBe(2);
    });

    it('answers 409 IDEMPOTENCY_KEY_REUSED for the same key with another body, reserving nothing', async () => {
      await inventory.setStock('Mug', 10);
      await reserve({ item: 'Mug', quantity: 1 }, 'key-conflict').expect(201);
      const response = await reserve({ item: 'Mug', quantity: 2 }, 'key-conflict').expect(409);
      expect(response.body).toEqual({ error: expect.stringMatching(/different/), code: 'IDEMPOTENCY_KEY_REUSED' });
      expect(await inStock('Mug')).toBe(9);
    });

    it('reserves once for 20 concurrent requests with one key: one 201, nineteen 200', async () => {
      await inventory.setStock('Cable', 10);
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => reserve({ item: 'Cable', quantity: 3 }, 'key-burst')),
      );
      expect(responses.map((response) => response.status).sort()).toEqual([...Array(19).fill(200), 201]);
      expect(new Set(responses.map((response) => response.body.reservation_id)).size).toBe(1);
      expect(await inStock('Cable')).toBe(7);
    });

    it('answers 400 INVALID_IDEMPOTENCY_KEY for a malformed key, reserving nothing', async () => {
      await inventory.setStock('Pen', 1);
      const response = await reserve({ item: 'Pen', quantity: 1 }, 'has a space').expect(400);
      expect(response.body).toEqual({
        error: 'Invalid Idempotency-Key header: must be printable ASCII without spaces',
        code: 'INVALID_IDEMPOTENCY_KEY',
      });
      expect(await inStock('Pen')).toBe(1);
    });
  });

  describe('bad input', () => {
    const valid = { item: 'Keyboard', quantity: 1 };

    it.each([
      ['a missing item', { quantity: 1 }, /^Invalid reservation: item: /],
      ['an empty item', { item: '', quantity: 1 }, /^Invalid reservation: item: /],
      ['an item over 200 characters', { item: 'x'.repeat(201), quantity: 1 }, /^Invalid reservation: item: .*200/],
      ['a control character in the item', { item: 'a\u0000b', quantity: 1 }, /^Invalid reservation: item: .*control/],
      ['a missing quantity', { item: 'Keyboard' }, /^Invalid reservation: quantity: /],
      ['quantity 0', { ...valid, quantity: 0 }, /^Invalid reservation: quantity: /],
      ['a negative quantity', { ...valid, quantity: -1 }, /^Invalid reservation: quantity: /],
      ['a fractional quantity', { ...valid, quantity: 1.5 }, /^Invalid reservation: quantity: .*int/],
      ['quantity as a string', { ...valid, quantity: '1' }, /^Invalid reservation: quantity: .*number/],
      ['a quantity over 2147483647', { ...valid, quantity: 2 ** 31 }, /^Invalid reservation: quantity: /],
      ['an unknown field', { ...valid, colour: 'red' }, /colour/],
      ['a JSON array', [valid], /^Invalid reservation: .*object/],
      ['JSON null', null, /^Invalid reservation/],
    ])('answers 400 INVALID_RESERVATION naming the problem for %s', async (_case, body, message) => {
      const response = await service
        .http()
        .post('/reservations')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify(body))
        .expect(400);
      expect(response.body).toEqual({ error: expect.stringMatching(message), code: 'INVALID_RESERVATION' });
    });

    it('answers 400 JSON for a body that is not JSON', async () => {
      const response = await service
        .http()
        .post('/reservations')
        .set('Content-Type', 'application/json')
        .send('{"item": "Keyboard",')
        .expect(400);
      expect(response.body).toEqual({ error: expect.any(String), code: 'BAD_REQUEST' });
    });

    it('answers 400 JSON for a text body', async () => {
      const response = await service
        .http()
        .post('/reservations')
        .set('Content-Type', 'text/plain')
        .send('item=Keyboard&quantity=1')
        .expect(400);
      expect(response.body).toEqual({ error: expect.stringMatching(/^Invalid reservation: /), code: 'INVALID_RESERVATION' });
    });

    it.each([
      ['an id without the res_ prefix', 'ord001'],
      ['res_ and no UUID', 'res_nope'],
      ['a UUID in capitals', 'res_5F1C0D4E-8A1B-4C2D-9E3F-0A1B2C3D4E5F'],
      ['an id over 128 characters', `res_${'a'.repeat(129)}`],
    ])('answers 400 INVALID_RESERVATION_ID for %s', async (_case, reservationId) => {
      const response = await release(reservationId).expect(400);
      expect(response.body).toEqual({
        error: 'Invalid reservation id: must be res_ followed by a UUID',
        code: 'INVALID_RESERVATION_ID',
      });
    });
  });

  describe('with the caller’s deadline (x-deadline-ms)', () => {
    it('reserves within the budget, committing only before the deadline read on arrival (arrival + budget − margin)', async () => {
      await inventory.setStock('Clock', 2);
      const reserving = jest.spyOn(inventory, 'reserve');
      const before = Date.now();
      await service.http().post('/reservations').set('x-deadline-ms', '5000').send({ item: 'Clock', quantity: 1 }).expect(201);
      const after = Date.now();
      const deadlineAt = reserving.mock.calls[0][2];
      reserving.mockRestore();
      expect(deadlineAt).toBeGreaterThanOrEqual(before + 5000 - DEADLINE_MARGIN_MS);
      expect(deadlineAt).toBeLessThanOrEqual(after + 5000 - DEADLINE_MARGIN_MS);
      expect(await inStock('Clock')).toBe(1);
    });

    it('reserves with no deadline for a caller that sent no budget', async () => {
      await inventory.setStock('Clock', 2);
      const reserving = jest.spyOn(inventory, 'reserve');
      await service.http().post('/reservations').send({ item: 'Clock', quantity: 1 }).expect(201);
      expect(reserving.mock.calls[0][2]).toBeUndefined();
      reserving.mockRestore();
    });

    // The rollback of a reservation that waited past its deadline is proven on the repository (its spec), where the
    // deadline can be put in the past; here a budget is spent before anything starts.
    it('answers a budget spent on arrival at once: 503 DEADLINE_EXCEEDED, nothing reserved, key free', async () => {
      await inventory.setStock('Clock', 2);
      const late = await service
        .http()
        .post('/reservations')
        .set('x-deadline-ms', '0')
        .set(IDEMPOTENCY_KEY_HEADER, 'key-late')
        .send({ item: 'Clock', quantity: 1 })
        .expect(503);
      expect(late.body).toEqual({ error: expect.stringMatching(/deadline passed/), code: 'DEADLINE_EXCEEDED' });
      expect(await inStock('Clock')).toBe(2);
      await reserve({ item: 'Clock', quantity: 1 }, 'key-late').expect(201);
    });

    it('never reaches the repository with a budget spent on arrival', async () => {
      const reserving = jest.spyOn(inventory, 'reserve');
      await service.http().post('/reservations').set('x-deadline-ms', '10').send({ item: 'Clock', quantity: 1 }).expect(503);
      expect(reserving).not.toHaveBeenCalled();
      reserving.mockRestore();
    });

    it('answers 400 INVALID_DEADLINE for a budget that is not a whole number of milliseconds', async () => {
      const response = await service.http().post('/reservations').set('x-deadline-ms', 'soon').send({ item: 'Clock', quantity: 1 }).expect(400);
      expect(response.body).toMatchObject({ code: 'INVALID_DEADLINE' });
      expect(response.body).toEqual({ error: expect.stringMatching(/^Invalid x-deadline-ms header: /), code: 'INVALID_DEADLINE' });
    });
  });

  describe('DELETE /reservations/:id', () => {
    it('answers 204 and puts the units back; a second release answers 404 and puts nothing back', async () => {
      await inventory.setStock('Lamp', 4);
      const { body: reservation } = await reserve({ item: 'Lamp', quantity: 3 }).expect(201);
      expect(await inStock('Lamp')).toBe(1);

      const released = await release(reservation.reservation_id).expect(204);
      expect(released.text).toBe('');
      expect(await inStock('Lamp')).toBe(4);

      const again = await release(reservation.reservation_id).expect(404);
      expect(again.body).toEqual({
        error: `Reservation ${reservation.reservation_id} was already released`,
        code: 'RESERVATION_RELEASED',
      });
      expect(await inStock('Lamp')).toBe(4);
    });

    it('answers 404 RESERVATION_NOT_FOUND for an id it never issued', async () => {
      const unknown = 'res_00000000-0000-4000-8000-000000000000';
      const response = await release(unknown).expect(404);
      expect(response.body).toEqual({ error: `Unknown reservation ${unknown}`, code: 'RESERVATION_NOT_FOUND' });
    });

    it('puts the units back once for two concurrent releases: one 204, one 404', async () => {
      await inventory.setStock('Vase', 2);
      const { body: reservation } = await reserve({ item: 'Vase', quantity: 2 }).expect(201);
      const responses = await Promise.all([release(reservation.reservation_id), release(reservation.reservation_id)]);
      expect(responses.map((response) => response.status).sort()).toEqual([204, 404]);
      expect(await inStock('Vase')).toBe(2);
    });

    it('frees a released reservation’s Idempotency-Key: the caller’s retry with it reserves anew', async () => {
      await inventory.setStock('Tray', 2);
      const first = await reserve({ item: 'Tray', quantity: 1 }, 'key-released').expect(201);
      await release(first.body.reservation_id).expect(204);
      expect(await inStock('Tray')).toBe(2);
      const again = await reserve({ item: 'Tray', quantity: 1 }, 'key-released').expect(201);
      expect(again.body.reservation_id).not.toBe(first.body.reservation_id);
      expect(await inStock('Tray')).toBe(1);
      // … and the new reservation is the key's from now on.
      await reserve({ item: 'Tray', quantity: 1 }, 'key-released').expect(200, again.body);
      expect(await inStock('Tray')).toBe(1);
    });
  });
});
