import { OffContractFixtureError, recordingTracing, UnscriptedCallError, type RecordingTracing } from '@boundary/testing';
import { firstValueFrom } from 'rxjs';
import { InventoryServiceError } from '../lib/errors/inventory-service.error';
import { INVENTORY_SERVICE_CALLS } from '../lib/inventory-service.calls';
import { InventoryServiceClientStub } from './inventory-service-client.stub';
import { anItem, aReservation } from './item.fixtures';
import { refusedReservation } from './refused-reservation';

describe('InventoryServiceClientStub', () => {
  let stub: InventoryServiceClientStub;
  beforeEach(() => (stub = new InventoryServiceClientStub()));

  it('returns the scripted item and records the call', async () => {
    stub.forItem('Laptop').returns(anItem());
    await expect(firstValueFrom(stub.getItem('Laptop'))).resolves.toEqual(anItem());
    expect(stub.history).toEqual([{ method: 'getItem', key: 'Laptop', args: ['Laptop'] }]);
  });

  it('fails with the scripted error', async () => {
    const error = new InventoryServiceError({ kind: 'unavailable', resource: INVENTORY_SERVICE_CALLS.item('Laptop'), status: 503 });
    stub.forItem('Laptop').failsWith(error);
    await expect(firstValueFrom(stub.getItem('Laptop'))).rejects.toBe(error);
  });

  it('fails an unscripted call with UnscriptedCallError, and verify() reports it', async () => {
    await expect(firstValueFrom(stub.getItem('nobody'))).rejects.toBeInstanceOf(UnscriptedCallError);
    expect(() => stub.verify()).toThrow(/unscripted calls for "nobody"/);
  });

  it('refuses an off-contract item at setup, naming the field', () => {
    expect(() => stub.forItem('Laptop').returns({ item: 'Laptop', in_stock: -1 })).toThrow(OffContractFixtureError);
    expect(() => anItem({ in_stock: -1 })).toThrow(/in_stock/);
  });

  it('answers a reservation scripted for its item, recording the key it was sent with', async () => {
    stub.forReservation('Laptop').returns({ reservation: aReservation({ quantity: 2 }), created: true });
    const made = await firstValueFrom(stub.reserve({ item: 'Laptop', quantity: 2 }, { idempotencyKey: 'key-1' }));
    expect(made).toEqual({ reservation: aReservation({ quantity: 2 }), created: true });
    expect(stub.reservedItems).toEqual(['Laptop']);
    expect(stub.history[0].args).toEqual([{ item: 'Laptop', quantity: 2 }, { idempotencyKey: 'key-1' }]);
  });

  it('refuses an off-contract reservation at setup', () => {
    expect(() => stub.forReservation('Laptop').returns({ reservation: aReservation({ reservation_id: 'r1' }), created: true })).toThrow(
      /reservation_id/,
    );
  });

  it('fails an unscripted reservation (strict): no test gets stock it did not ask for', async () => {
    await expect(firstValueFrom(stub.reserve({ item: 'Mouse', quantity: 1 }, { idempotencyKey: 'k' }))).rejects.toBeInstanceOf(
      UnscriptedCallError,
    );
  });

  it('answers a release scripted for its reservation id, recording it', async () => {
    stub.forRelease(aReservation().reservation_id).returns(undefined);
    await expect(firstValueFrom(stub.release(aReservation().reservation_id))).resolves.toBeUndefined();
    expect(stub.releasedReservations).toEqual([aReservation().reservation_id]);
  });
});

describe('InventoryServiceClientStub.stocks — an inventory for the items a test names', () => {
  const reserve = (stub: InventoryServiceClientStub, item: string, quantity: number, key: string) =>
    firstValueFrom(stub.reserve({ item, quantity }, { idempotencyKey: key }));

  it('makes reservations while units are left, then refuses OUT_OF_STOCK as the real client fails', async () => {
    const stub = new InventoryServiceClientStub().stocks('Desk', 3);
    await expect(reserve(stub, 'Desk', 2, 'k1')).resolves.toMatchObject({ reservation: { item: 'Desk', quantity: 2 }, created: true });
    await expect(reserve(stub, 'Desk', 2, 'k2')).rejects.toMatchObject({ kind: 'rejected', status: 409, providerCode: 'OUT_OF_STOCK' });
    expect(stub.unitsLeft('Desk')).toBe(1);
  });

  it('answers a repeat of a key with its first reservation, taking nothing more', async () => {
    const stub = new InventoryServiceClientStub().stocks('Desk', 3);
    const first = await reserve(stub, 'Desk', 1, 'k1');
    await expect(reserve(stub, 'Desk', 1, 'k1')).resolves.toEqual({ reservation: first.reservation, created: false });
    expect(stub.unitsLeft('Desk')).toBe(2);
  });

  it('puts a released reservation’s units back and frees its key', async () => {
    const stub = new InventoryServiceClientStub().stocks('Desk', 3);
    const first = await reserve(stub, 'Desk', 3, 'k1');
    await firstValueFrom(stub.release(first.reservation.reservation_id));
    expect(stub.unitsLeft('Desk')).toBe(3);
    expect(stub.releasedReservations).toEqual([first.reservation.reservation_id]);
    await expect(reserve(stub, 'Desk', 3, 'k1')).resolves.toMatchObject({ created: true });
    expect(stub.unitsLeft('Desk')).toBe(0);
  });

  it('leaves every other item unscripted, and a script for a stocked item wins', async () => {
    const stub = new InventoryServiceClientStub().stocks('Desk', 3);
    await expect(reserve(stub, 'Chair', 1, 'k1')).rejects.toBeInstanceOf(UnscriptedCallError);
    stub.forReservation('Desk').failsWith(new InventoryServiceError({ kind: 'unavailable', resource: INVENTORY_SERVICE_CALLS.reserve() }));
    await expect(reserve(stub, 'Desk', 1, 'k2')).rejects.toMatchObject({ kind: 'unavailable' });
  });
});

describe('InventoryServiceClientStub.everythingInStock — for a test that says stock does not matter', () => {
  it('makes every reservation it was not scripted for, and lets every release through', async () => {
    const stub = InventoryServiceClientStub.everythingInStock();
    const first = await firstValueFrom(stub.reserve({ item: 'Anything', quantity: 7 }, { idempotencyKey: 'k1' }));
    const second = await firstValueFrom(stub.reserve({ item: 'Else', quantity: 1 }, { idempotencyKey: 'k2' }));
    expect(first).toMatchObject({ reservation: { item: 'Anything', quantity: 7 }, created: true });
    expect(second.reservation.reservation_id).not.toBe(first.reservation.reservation_id);
    await expect(firstValueFrom(stub.release(first.reservation.reservation_id))).resolves.toBeUndefined();
    expect(() => stub.verify()).not.toThrow();
  });

  it('still answers what a test scripted', async () => {
    const stub = InventoryServiceClientStub.everythingInStock();
    stub.forReservation('Webcam').failsWith(refusedReservation(409, 'OUT_OF_STOCK'));
    await expect(firstValueFrom(stub.reserve({ item: 'Webcam', quantity: 1 }, { idempotencyKey: 'k' }))).rejects.toMatchObject({
      providerCode: 'OUT_OF_STOCK',
    });
  });
});

describe('InventoryServiceClientStub.isDown — the Inventory Service unreachable', () => {
  it('fails every call, scripted or stocked, as unavailable, until reset()', async () => {
    const stub = new InventoryServiceClientStub().stocks('Desk', 3).isDown();
    stub.forItem('Desk').returns(anItem({ item: 'Desk' }));
    await expect(firstValueFrom(stub.reserve({ item: 'Desk', quantity: 1 }, { idempotencyKey: 'k' }))).rejects.toMatchObject({
      kind: 'unavailable',
    });
    await expect(firstValueFrom(stub.getItem('Desk'))).rejects.toMatchObject({ kind: 'unavailable', resource: INVENTORY_SERVICE_CALLS.item('Desk') });
    await expect(firstValueFrom(stub.release('res_00000000-0000-4000-8000-000000000001'))).rejects.toMatchObject({ kind: 'unavailable' });
    expect(stub.reservedItems).toEqual(['Desk']);
    stub.reset();
    await expect(firstValueFrom(stub.reserve({ item: 'Desk', quantity: 1 }, { idempotencyKey: 'k' }))).rejects.toBeInstanceOf(
      UnscriptedCallError,
    );
  });
});

describe('InventoryServiceClientStub reservation lifecycle — confirm and ship', () => {
  const reserve = (stub: InventoryServiceClientStub) =>
    firstValueFrom(stub.reserve({ item: 'Desk', quantity: 2 }, { idempotencyKey: 'k1' })).then(({ reservation }) => reservation);

  it('confirms, then ships, a reservation it made, answering each repeat as it is and recording the ids', async () => {
    const stub = new InventoryServiceClientStub().stocks('Desk', 3);
    const { reservation_id } = await reserve(stub);
    await expect(firstValueFrom(stub.confirm(reservation_id))).resolves.toEqual({ reservation_id, item: 'Desk', quantity: 2, state: 'confirmed' });
    await expect(firstValueFrom(stub.confirm(reservation_id))).resolves.toMatchObject({ state: 'confirmed' });
    await expect(firstValueFrom(stub.ship(reservation_id))).resolves.toMatchObject({ state: 'shipped' });
    await expect(firstValueFrom(stub.ship(reservation_id))).resolves.toMatchObject({ state: 'shipped' });
    expect(stub.confirmedReservations).toEqual([reservation_id, reservation_id]);
    expect(stub.shippedReservations).toEqual([reservation_id, reservation_id]);
  });

  it('refuses to ship a hold as the real client fails: 409 RESERVATION_NOT_CONFIRMED', async () => {
    const stub = InventoryServiceClientStub.everythingInStock();
    const { reservation_id } = await reserve(stub);
    await expect(firstValueFrom(stub.ship(reservation_id))).rejects.toMatchObject({
      constructor: InventoryServiceError,
      kind: 'rejected',
      status: 409,
      providerCode: 'RESERVATION_NOT_CONFIRMED',
      resource: INVENTORY_SERVICE_CALLS.ship(reservation_id),
    });
  });

  it('plays the script for a reservation it did not make, checking it at setup, and fails an unscripted one', async () => {
    const stub = new InventoryServiceClientStub();
    const id = aReservation().reservation_id;
    stub.forConfirmation(id).returns({ ...aReservation(), state: 'confirmed' });
    await expect(firstValueFrom(stub.confirm(id))).resolves.toMatchObject({ state: 'confirmed' });
    expect(() => stub.forShipment(id).returns({ ...aReservation(), state: 'lost' as 'shipped' })).toThrow(/state/);
    await expect(firstValueFrom(stub.ship(id))).rejects.toBeInstanceOf(UnscriptedCallError);
  });

  it('fails both as unavailable while isDown()', async () => {
    const stub = new InventoryServiceClientStub().stocks('Desk', 3);
    const { reservation_id } = await reserve(stub);
    stub.isDown();
    await expect(firstValueFrom(stub.confirm(reservation_id))).rejects.toMatchObject({ kind: 'unavailable' });
    await expect(firstValueFrom(stub.ship(reservation_id))).rejects.toMatchObject({ kind: 'unavailable' });
  });
});

describe('InventoryServiceClientStub under OpenTelemetry', () => {
  let tracing: RecordingTracing;
  beforeAll(() => (tracing = recordingTracing()));
  afterAll(() => tracing.stop());

  it('records the trace context active at each call, scripted, stocked, through the lifecycle or down', async () => {
    const stub = new InventoryServiceClientStub().stocks('Laptop', 1);
    stub.forItem('Mouse').returns(anItem({ item: 'Mouse' }));
    const caller = await tracing.inSpan('place order', async () => {
      await firstValueFrom(stub.getItem('Mouse'));
      const { reservation } = await firstValueFrom(stub.reserve({ item: 'Laptop', quantity: 1 }, { idempotencyKey: 'k1' }));
      await firstValueFrom(stub.confirm(reservation.reservation_id));
      await firstValueFrom(stub.release(reservation.reservation_id));
      await firstValueFrom(stub.isDown().getItem('Mouse')).catch(() => undefined);
    });
    const context = { valid: true, traceId: caller.traceId, parentSpanId: caller.spanId, sampled: true };
    expect(stub.history.map(({ method, traceContext }) => [method, traceContext])).toEqual(
      ['getItem', 'reserve', 'confirm', 'release', 'getItem'].map((method) => [method, context]),
    );
  });
});
