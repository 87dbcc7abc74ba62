import { Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { firstValueFrom, lastValueFrom, Observable, timeout, toArray } from 'rxjs';
import { OrderServiceError } from '../lib/errors/order-service.error';
import { ORDER_SERVICE_CALLS } from '../lib/order-service.calls';
import { OrderServiceClient } from '../lib/order-service.client';
import { OrderClientTestingModule, orderClientMocker, provideOrderServiceClientStub } from './order-client-testing.module';
import { OffContractFixtureError, recordingTracing, UnscriptedCallError, type RecordingTracing } from '@boundary/testing';
import { OrderServiceClientStub } from './order-service-client.stub';
import { anOrder, ordersFor } from './order.fixtures';

describe('OrderServiceClientStub', () => {
  let stub: OrderServiceClientStub;
  beforeEach(() => (stub = new OrderServiceClientStub()));
  afterEach(() => jest.useRealTimers());

  const orders = (userId: string) => firstValueFrom(stub.getUserOrdersFirstPage(userId));

  it('returns the scripted orders once per subscription, then completes', async () => {
    stub.forUser('user123').returns(ordersFor('user123', 2));
    await expect(lastValueFrom(stub.getUserOrdersFirstPage('user123').pipe(toArray()))).resolves.toEqual([
      ordersFor('user123', 2),
    ]);
  });

  it('hands out a copy, so a caller cannot change what the next call gets', async () => {
    stub.forUser('user123').returns([anOrder()]);
    (await orders('user123'))[0].quantity = 99;
    await expect(orders('user123')).resolves.toEqual([anOrder()]);
  });

  it('scripts several users independently and records every call in order', async () => {
    stub.forUser('user123').returns([anOrder()]).forUser('user000').returns([]);
    await orders('user000');
    await orders('user123');
    await orders('user000');
    expect(stub.calls).toEqual(['user000', 'user123', 'user000']);
  });

  it('fails with the scripted error', async () => {
    const error = new OrderServiceError({ kind: 'unavailable', resource: ORDER_SERVICE_CALLS.userOrders('user789'), status: 503 });
    stub.forUser('user789').failsWith(error);
    await expect(orders('user789')).rejects.toBe(error);
  });

  it('fails at setup, naming the field, when scripted with an off-contract order', () => {
    expect(() => stub.forUser('user123').returns([{ order_id: 'ord001', item: 'Laptop', quantity: 0 }])).toThrow(
      OffContractFixtureError,
    );
    expect(() => stub.forUser('user123').returns([{ order_id: 'ord001', quantity: 1 }])).toThrow(/0\.item: /);
  });

  describe('strict (the default)', () => {
    it('fails a call for an unscripted user with an error naming it and the scripted users', async () => {
      stub.forUser('user123').returns([]);
      await expect(orders('user999')).rejects.toThrow(UnscriptedCallError);
      await expect(orders('user999')).rejects.toThrow(/getUserOrdersFirstPage\("user999"\) was not scripted; scripted users: "user123"/);
    });

    it('verify() fails after an unscripted call, even if the caller swallowed the error', async () => {
      await orders('user999').catch(() => undefined);
      expect(() => stub.verify()).toThrow(/unscripted calls for "user999"/);
    });

    it('reset() forgets scripts, calls and unscripted calls', async () => {
      stub.forUser('user123').returns([]);
      await orders('user999').catch(() => undefined);
      stub.reset();
      expect(stub.calls).toEqual([]);
      expect(() => stub.verify()).not.toThrow();
      await expect(orders('user123')).rejects.toThrow(UnscriptedCallError);
    });

    it('verify() passes when every call was scripted', async () => {
      stub.forUser('user123').returns([]);
      await orders('user123');
      expect(() => stub.verify()).not.toThrow();
    });
  });

  it('when not strict, answers an unscripted user with the fallback (no orders by default)', async () => {
    await expect(firstValueFrom(new OrderServiceClientStub({ strict: false }).getUserOrdersFirstPage('anyone'))).resolves.toEqual([]);
    const fallback = () => new Observable<never>((s) => s.error(new Error('fallback used')));
    await expect(
      firstValueFrom(new OrderServiceClientStub({ strict: false, fallback }).getUserOrdersFirstPage('anyone')),
    ).rejects.toThrow('fallback used');
  });

  it('delays(ms) holds the answer back for ms milliseconds', async () => {
    jest.useFakeTimers();
    stub.forUser('user123').delays(100).returns([anOrder()]);
    const received: unknown[] = [];
    stub.getUserOrdersFirstPage('user123').subscribe((value) => received.push(value));
    await jest.advanceTimersByTimeAsync(99);
    expect(received).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(received).toEqual([[anOrder()]]);
  });

  it('delays(ms) holds an error back too', async () => {
    jest.useFakeTimers();
    stub.forUser('user789').delays(50).failsWith(new OrderServiceError({ kind: 'unavailable', resource: ORDER_SERVICE_CALLS.userOrders('user789') }));
    let failed = false;
    stub.getUserOrdersFirstPage('user789').subscribe({ error: () => (failed = true) });
    await jest.advanceTimersByTimeAsync(49);
    expect(failed).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    expect(failed).toBe(true);
  });

  it('neverAnswers() neither emits nor completes', async () => {
    stub.forUser('user123').neverAnswers();
    await expect(firstValueFrom(stub.getUserOrdersFirstPage('user123').pipe(timeout(20)))).rejects.toMatchObject({
      name: 'TimeoutError',
    });
  });

  describe('in a Nest module', () => {
    @Injectable()
    class OrdersConsumer {
      constructor(readonly client: OrderServiceClient) {}
    }

    it('OrderClientTestingModule.withStub(stub) provides it as OrderServiceClient', async () => {
      const moduleRef = await Test.createTestingModule({
        imports: [OrderClientTestingModule.withStub(stub)],
        providers: [OrdersConsumer],
      }).compile();
      expect(moduleRef.get(OrdersConsumer).client).toBe(stub);
    });

    it('provideOrderServiceClientStub(stub) provides it as OrderServiceClient', async () => {
      const moduleRef = await Test.createTestingModule({
        providers: [OrdersConsumer, provideOrderServiceClientStub(stub)],
      }).compile();
      expect(moduleRef.get(OrdersConsumer).client).toBe(stub);
    });

    it('orderClientMocker(stub) fills OrderServiceClient through useMocker', async () => {
      const moduleRef = await Test.createTestingModule({ providers: [OrdersConsumer] })
        .useMocker(orderClientMocker(stub))
        .compile();
      expect(moduleRef.get(OrdersConsumer).client).toBe(stub);
    });

    it('orderClientMocker leaves other tokens to its fallback, so a missing provider still fails', async () => {
      const mocker = orderClientMocker(stub);
      expect(mocker('SOMETHING_ELSE')).toBeUndefined();
      expect(orderClientMocker(stub, () => 'other')('SOMETHING_ELSE')).toBe('other');
    });
  });
});

describe('OrderServiceClientStub under OpenTelemetry', () => {
  let tracing: RecordingTracing;
  beforeAll(() => (tracing = recordingTracing()));
  afterAll(() => tracing.stop());

  it('records the trace context active at each call, which the real client would have propagated', async () => {
    const stub = new OrderServiceClientStub().forUser('user123').returns(ordersFor('user123', 1));
    const caller = await tracing.inSpan('GET /users/:userId/orders', () => firstValueFrom(stub.getUserOrdersPage('user123', { limit: 1 })));
    await firstValueFrom(stub.getUserOrdersFirstPage('user123'));
    expect(stub.history.map((call) => call.traceContext)).toEqual([
      { valid: true, traceId: caller.traceId, parentSpanId: caller.spanId, sampled: true },
      undefined,
    ]);
  });
});
