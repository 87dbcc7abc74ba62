import { OffContractFixtureError, UnscriptedCallError } from '@boundary/testing';
import { firstValueFrom } from 'rxjs';
import { InventoryServiceError } from '../lib/errors/inventory-service.error';
import { InventoryServiceClientStub } from './inventory-service-client.stub';
import { anItem, aReservation } from './item.fixtures';

describe('InventoryServiceClientStub', () => {
  let stub: InventoryServiceClientStub;
  beforeEach(() => (stub = new InventoryServiceClientStub()));

  it('returns the scripted item and records the call', async () => {
    stub.forItem('Laptop').returns(anItem());
    await expect(firstValueFrom(stub.getItem('Laptop'))).resolves.toEqual(anItem());
    expect(stub.history).toEqual([{ method: 'getItem', key: 'Laptop', args: ['Laptop'] }]);
  });

  it('fails with the scripted error', async () => {
    const error = new InventoryServiceError('unavailable', 'answered 503', {}, 503);
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
