import {
  type CallHandler,
  Controller,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { EventPattern, Payload, type RmqContext } from '@nestjs/microservices';
import { context, propagation, trace } from '@opentelemetry/api';
import { recordingTracing, type RecordingTracing } from '../recording-tracing';
import { Test } from '@nestjs/testing';
import { catchError, EMPTY, type Observable, tap } from 'rxjs';
import { InProcessRmqServer } from './in-process-rmq.server';

/** Acks on success, requeues on failure: the consumer-side rule the server is tested against. */
@Injectable()
class AckInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const rmq = context.switchToRpc().getContext<RmqContext>();
    const settle = (ok: boolean) =>
      ok ? rmq.getChannelRef().ack(rmq.getMessage()) : rmq.getChannelRef().nack(rmq.getMessage(), false, true);
    return next.handle().pipe(
      tap({ complete: () => settle(true) }),
      catchError(() => {
        settle(false);
        return EMPTY;
      }),
    );
  }
}

@Controller()
@UseInterceptors(AckInterceptor)
class Handlers {
  readonly seen: unknown[] = [];
  /** The trace id each handled message ran in (`undefined`: in none). */
  readonly traceIds: (string | undefined)[] = [];
  failuresLeft = 0;

  @EventPattern('things.happened')
  async handle(@Payload() data: unknown): Promise<void> {
    // After an await, as a handler's work after its first call runs.
    await Promise.resolve();
    this.seen.push(data);
    this.traceIds.push(trace.getSpanContext(context.active())?.traceId);
    if (this.failuresLeft-- > 0) throw new Error('not yet');
  }
}

/** A handler with no interceptor: nothing settles its messages. */
@Controller()
class Forgetful {
  @EventPattern('things.ignored')
  ignore(): void {
    // Never settles.
  }
}

const queueWith = (args: Record<string, unknown>) => ({
  queue: 'things',
  noAck: false,
  queueOptions: { durable: true, arguments: args },
});

/** Runs `work` against an app consuming a queue declared with `args`, closed afterwards. */
async function withConsumer(
  args: Record<string, unknown>,
  work: (consumer: { rmq: InProcessRmqServer; handlers: Handlers }) => Promise<void>,
): Promise<void> {
  const moduleRef = await Test.createTestingModule({ controllers: [Handlers, Forgetful] }).compile();
  const app = moduleRef.createNestApplication();
  const rmq = new InProcessRmqServer(queueWith(args));
  app.connectMicroservice({ strategy: rmq });
  await app.startAllMicroservices();
  await app.init();
  try {
    await work({ rmq, handlers: app.get(Handlers) });
  } finally {
    await app.close();
  }
}

describe('InProcessRmqServer (ServerRMQ with no broker)', () => {
  const deadLettering = { 'x-queue-type': 'quorum', 'x-delivery-limit': 2, 'x-dead-letter-exchange': 'things.dlx' };

  it('runs the real handler with its interceptor and reports the message acked', () =>
    withConsumer(deadLettering, async ({ rmq, handlers }) => {
      expect(await rmq.deliver('things.happened', { n: 1 })).toEqual({ outcome: 'acked', attempts: 1, extraSettlements: 0 });
      expect(handlers.seen).toEqual([{ n: 1 }]);
    }));

  it('delivers a requeued message again, as a quorum queue does, and acks it once the handler succeeds', () =>
    withConsumer(deadLettering, async ({ rmq, handlers }) => {
      handlers.failuresLeft = 2;
      expect(await rmq.deliver('things.happened', { n: 2 })).toMatchObject({ outcome: 'acked', attempts: 3 });
    }));

  it('dead-letters a message still failing after x-delivery-limit redeliveries', () =>
    withConsumer(deadLettering, async ({ rmq, handlers }) => {
      handlers.failuresLeft = 100;
      expect(await rmq.deliver('things.happened', { n: 3 })).toMatchObject({ outcome: 'dead-lettered', attempts: 3 });
    }));

  it('drops instead when the queue has no dead-letter exchange', () =>
    withConsumer({ 'x-queue-type': 'quorum', 'x-delivery-limit': 0 }, async ({ rmq, handlers }) => {
      handlers.failuresLeft = 100;
      expect(await rmq.deliver('things.happened', {})).toMatchObject({ outcome: 'dropped', attempts: 1 });
    }));

  it('dead-letters a message of a pattern with no handler at once (ServerRMQ nacks it without requeue)', () =>
    withConsumer(deadLettering, async ({ rmq }) => {
      expect(await rmq.deliver('things.unknown', {})).toMatchObject({ outcome: 'dead-lettered', attempts: 1 });
      expect(await rmq.deliverRaw(Buffer.from('not json'))).toMatchObject({ outcome: 'dead-lettered', attempts: 1 });
    }));

  it('reports a message the consumer never settles as unsettled', () =>
    withConsumer(deadLettering, async ({ rmq }) => {
      expect(await rmq.deliver('things.ignored', {})).toMatchObject({ outcome: 'unsettled', attempts: 1 });
    }));

  describe('with OpenTelemetry registered (W3C propagation, async context)', () => {
    const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
    const traceparent = `00-${TRACE_ID}-00f067aa0ba902b7-01`;

    let tracing: RecordingTracing;
    beforeAll(() => (tracing = recordingTracing()));
    afterAll(() => tracing.stop());

    it('runs the handler in the trace context of the message’s headers, every delivery of it, and reports it', () =>
      withConsumer(deadLettering, async ({ rmq, handlers }) => {
        handlers.failuresLeft = 1;
        const delivery = await rmq.deliver('things.happened', { n: 4 }, { traceparent });
        expect(delivery).toMatchObject({ outcome: 'acked', attempts: 2, traceContext: { valid: true, traceId: TRACE_ID, parentSpanId: '00f067aa0ba902b7' } });
        expect(handlers.traceIds).toEqual([TRACE_ID, TRACE_ID]);
      }));

    it('runs a message without one in no trace, whatever the deliverer’s context', () =>
      withConsumer(deadLettering, async ({ rmq, handlers }) => {
        const outer = propagation.extract(context.active(), { traceparent });
        const delivery = await context.with(outer, () => rmq.deliver('things.happened', { n: 5 }));
        expect(delivery.traceContext).toBeUndefined();
        expect(handlers.traceIds).toEqual([undefined]);
      }));

    it('reports a malformed traceparent as it came and still delivers the message', () =>
      withConsumer(deadLettering, async ({ rmq }) => {
        expect(await rmq.deliver('things.happened', { n: 6 }, { traceparent: 'junk' })).toMatchObject({
          outcome: 'acked',
          traceContext: { valid: false, traceparent: 'junk' },
        });
      }));
  });
});
