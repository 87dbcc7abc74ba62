import { RmqRecordBuilder } from '@nestjs/microservices';
import { context, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { recordingTracing, type RecordingTracing } from '../recording-tracing';
import { firstValueFrom, lastValueFrom } from 'rxjs';
import { z } from 'zod';
import { ClientProxyDouble } from './client-proxy.double';
import { OffContractPayloadError } from './off-contract-payload.error';
import { UnexpectedEmitError } from './unexpected-emit.error';

const Placed = z.object({ order_id: z.string().min(1), quantity: z.number().int().positive() });

describe('ClientProxyDouble', () => {
  let events: ClientProxyDouble;
  beforeEach(() => {
    events = new ClientProxyDouble().expects('orders.placed', Placed).expects('orders.cancelled');
  });

  it('records an expected emit whose payload keeps the contract, and completes like the real client', async () => {
    await expect(lastValueFrom(events.emit('orders.placed', { order_id: 'o1', quantity: 2 }), { defaultValue: 'none' })).resolves.toBeUndefined();
    expect(events.delivered('orders.placed')).toEqual([{ order_id: 'o1', quantity: 2 }]);
    expect(() => events.verify()).not.toThrow();
  });

  it('records the emit even when nobody subscribes (ClientProxy.emit is hot)', () => {
    events.emit('orders.cancelled', { order_id: 'o1' });
    expect(events.emitted).toEqual([{ pattern: 'orders.cancelled', data: { order_id: 'o1' } }]);
  });

  describe('when the pattern is one no test expects', () => {
    it('fails the emit with a near-miss report: the closest patterns and the segment that differs', async () => {
      const failure = firstValueFrom(events.emit('order.placed', { order_id: 'o1', quantity: 1 }));
      await expect(failure).rejects.toBeInstanceOf(UnexpectedEmitError);
      await expect(failure).rejects.toThrow(
        [
          `ClientProxyDouble: no test expects emit('order.placed', {"order_id":"o1","quantity":1}); closest expected patterns:`,
          `  'orders.placed' — 1 edit(s) away`,
          `    segment 1: expected "orders", got "order"`,
          `  'orders.cancelled' — 7 edit(s) away`,
          `    segment 1: expected "orders", got "order"`,
          `    segment 2: expected "cancelled", got "placed"`,
        ].join('\n'),
      );
    });

    it('reports it in verify() even when the caller swallowed the failure', () => {
      events.emit('orders.shipped', {}).subscribe({ error: () => undefined });
      expect(() => events.verify()).toThrow(/no test expects emit\('orders\.shipped'/);
    });
  });

  it('fails an emit whose payload breaks its schema, naming each field', async () => {
    const failure = firstValueFrom(events.emit('orders.placed', { order_id: '', quantity: 0 }));
    await expect(failure).rejects.toBeInstanceOf(OffContractPayloadError);
    await expect(failure).rejects.toThrow(/breaks the contract of 'orders\.placed':\n {2}order_id: .*\n {2}quantity: /);
    expect(events.delivered('orders.placed')).toEqual([]);
  });

  it('fails every emit while isDown(), as an unreachable broker does, and delivers again once it recovers()', async () => {
    events.isDown();
    await expect(firstValueFrom(events.emit('orders.cancelled', { order_id: 'o1' }))).rejects.toMatchObject({
      err: expect.objectContaining({ message: 'connect ECONNREFUSED 127.0.0.1:5672' }),
    });
    events.recovers();
    await lastValueFrom(events.emit('orders.cancelled', { order_id: 'o1' }), { defaultValue: undefined });
    expect(events.delivered('orders.cancelled')).toEqual([{ order_id: 'o1' }]);
    expect(events.emitted).toHaveLength(2);
  });

  it('refuses send(): it stands in for events only', async () => {
    await expect(firstValueFrom(events.send('orders.placed'))).rejects.toThrow("send('orders.placed')");
  });

  describe('with OpenTelemetry registered (W3C propagation, async context)', () => {
    const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
    const SPAN_ID = '00f067aa0ba902b7';
    const inSpan = trace.setSpanContext(ROOT_CONTEXT, { traceId: TRACE_ID, spanId: SPAN_ID, traceFlags: TraceFlags.SAMPLED, isRemote: true });

    let tracing: RecordingTracing;
    beforeAll(() => (tracing = recordingTracing()));
    afterAll(() => tracing.stop());

    it('records the trace context active at the emit, which the amqplib instrumentation writes into the headers', () => {
      context.with(inSpan, () => events.emit('orders.cancelled', { order_id: 'o1' }));
      expect(events.emitted).toEqual([
        { pattern: 'orders.cancelled', data: { order_id: 'o1' }, traceContext: { valid: true, traceId: TRACE_ID, parentSpanId: SPAN_ID, sampled: true } },
      ]);
    });

    it('records none for an emit in no trace', () => {
      events.emit('orders.cancelled', { order_id: 'o1' });
      expect(events.emitted[0]).toHaveProperty('traceContext', undefined);
    });

    it('reads an RmqRecord: its data is the payload checked and delivered, its headers carry the trace context', async () => {
      const record = new RmqRecordBuilder({ order_id: 'o1', quantity: 2 }).setOptions({ headers: { Traceparent: `00-${TRACE_ID}-${SPAN_ID}-00` } }).build();
      await lastValueFrom(events.emit('orders.placed', record), { defaultValue: undefined });
      expect(events.delivered('orders.placed')).toEqual([{ order_id: 'o1', quantity: 2 }]);
      expect(events.emitted[0].traceContext).toEqual({ valid: true, traceId: TRACE_ID, parentSpanId: SPAN_ID, sampled: false });
    });

    it('records a malformed traceparent as it came, without failing the emit', async () => {
      const record = new RmqRecordBuilder({ order_id: 'o1' }).setOptions({ headers: { traceparent: 'not-a-trace' } }).build();
      await lastValueFrom(events.emit('orders.cancelled', record), { defaultValue: undefined });
      expect(events.emitted[0].traceContext).toEqual({ valid: false, traceparent: 'not-a-trace' });
      expect(() => events.verify()).not.toThrow();
    });

    it('writes the active trace context over an RmqRecord’s, as the instrumentation does at publish', () => {
      const record = new RmqRecordBuilder({ order_id: 'o1' }).setOptions({ headers: { traceparent: 'stale' } }).build();
      context.with(inSpan, () => events.emit('orders.cancelled', record));
      expect(events.emitted[0].traceContext).toMatchObject({ valid: true, traceId: TRACE_ID });
    });
  });
});
