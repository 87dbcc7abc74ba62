import { OffContractFixtureError, UnscriptedCallError } from '@boundary/testing';
import { firstValueFrom } from 'rxjs';
import { InventoryServiceError } from '../lib/errors/inventory-service.error';
import { InventoryServiceClientStub } from './inventory-service-client.stub';
import { aItem } from './item.fixtures';

describe('InventoryServiceClientStub', () => {
  let stub: InventoryServiceClientStub;
  beforeEach(() => (stub = new InventoryServiceClientStub()));

  it('returns the scripted item and records the call', async () => {
    stub.forItem('item-001').returns(aItem());
    await expect(firstValueFrom(stub.getItem('item-001'))).resolves.toEqual(aItem());
    expect(stub.history).toEqual([{ method: 'getItem', key: 'item-001', args: ['item-001'] }]);
  });

  it('fails with the scripted error', async () => {
    const error = new InventoryServiceError('unavailable', 'answered 503', {}, 503);
    stub.forItem('item-001').failsWith(error);
    await expect(firstValueFrom(stub.getItem('item-001'))).rejects.toBe(error);
  });

  it('fails an unscripted call with UnscriptedCallError, and verify() reports it', async () => {
    await expect(firstValueFrom(stub.getItem('nobody'))).rejects.toBeInstanceOf(UnscriptedCallError);
    expect(() => stub.verify()).toThrow(/unscripted calls for "nobody"/);
  });

  it('refuses an off-contract item at setup, naming the field', () => {
    expect(() => stub.forItem('item-001').returns({ id: 'item-001', name: '' })).toThrow(OffContractFixtureError);
    expect(() => aItem({ name: '' })).toThrow(/name/);
  });
});
