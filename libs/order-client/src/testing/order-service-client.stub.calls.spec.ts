import { OffContractFixtureError, UnscriptedCallError } from '@boundary/testing';
import { firstValueFrom } from 'rxjs';
import { OrderServiceError } from '../lib/errors/order-service.error';
import { ORDER_SERVICE_CALLS } from '../lib/order-service.calls';
import { OrderServiceClientStub } from './order-service-client.stub';
import { anOrder, ordersFor } from './order.fixtures';

const DETAIL = { order_id: 'ord001', user_id: 'user123', item: 'Laptop', quantity: 1, status: 'placed' } as const;

describe('OrderServiceClientStub — pages, one order, new orders', () => {
  let stub: OrderServiceClientStub;
  beforeEach(() => (stub = new OrderServiceClientStub()));

  it('answers any page of a user scripted with forUser as the last page of that history', async () => {
    stub.forUser('user123').returns(ordersFor('user123', 2));
    await expect(firstValueFrom(stub.getUserOrdersPage('user123', { limit: 10 }))).resolves.toEqual({
      orders: ordersFor('user123', 2),
    });
    expect(stub.calls).toEqual(['user123']);
  });

  it('answers the page scripted for exactly that query, and the user’s history for any other', async () => {
    stub
      .forUser('user123')
      .returns([anOrder({ order_id: 'last' })])
      .forPage('user123', { limit: 1 })
      .returns({ orders: [anOrder()], nextCursor: 'c1' });
    await expect(firstValueFrom(stub.getUserOrdersPage('user123', { limit: 1 }))).resolves.toEqual({
      orders: [anOrder()],
      nextCursor: 'c1',
    });
    await expect(firstValueFrom(stub.getUserOrdersPage('user123', { limit: 1, cursor: 'c1' }))).resolves.toEqual({
      orders: [anOrder({ order_id: 'last' })],
    });
  });

  it('refuses an off-contract page at setup, naming the field', () => {
    expect(() => stub.forPage('user123').returns({ orders: [{ order_id: 'x', item: '', quantity: 1, status: 'placed' }] })).toThrow(
      expect.objectContaining({ constructor: OffContractFixtureError, field: '0.item' }),
    );
  });

  it('fails a page call for a user nobody scripted, naming the user', async () => {
    await expect(firstValueFrom(stub.getUserOrdersPage('user999', { limit: 5 }))).rejects.toBeInstanceOf(UnscriptedCallError);
    expect(() => stub.verify()).toThrow(/"user999"/);
  });

  it('answers getOrder from forOrder, checked against the order detail schema', async () => {
    const notFound = new OrderServiceError({ kind: 'not-found', resource: ORDER_SERVICE_CALLS.order('ord404'), status: 404 });
    stub.forOrder('ord001').returns(DETAIL).forOrder('ord404').failsWith(notFound);
    await expect(firstValueFrom(stub.getOrder('ord001'))).resolves.toEqual(DETAIL);
    await expect(firstValueFrom(stub.getOrder('ord404'))).rejects.toBe(notFound);
    expect(() => stub.forOrder('bad').returns({ ...DETAIL, user_id: '' })).toThrow(
      expect.objectContaining({ constructor: OffContractFixtureError, field: 'user_id' }),
    );
  });

  it('answers createOrder for the user of the new order, recording the body and the key', async () => {
    stub.forNewOrder('user123').returns({ order: DETAIL, created: true });
    const body = { user_id: 'user123', item: 'Laptop', quantity: 1 };
    await expect(firstValueFrom(stub.createOrder(body, { idempotencyKey: 'k1' }))).resolves.toEqual({
      order: DETAIL,
      created: true,
    });
    expect(stub.history).toEqual([{ method: 'createOrder', key: 'user123', args: [body, { idempotencyKey: 'k1' }] }]);
  });
});
