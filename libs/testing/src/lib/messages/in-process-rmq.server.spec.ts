import {
  type CallHandler,
  Controller,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { EventPattern, Payload, type RmqContext } from '@nestjs/microservices';
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
  failuresLeft = 0;

  @EventPattern('things.happened')
  handle(@Payload() data: unknown): void {
    this.seen.push(data);
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

async function consumer(args: Record<string, unknown>) {
  const moduleRef = await Test.createTestingModule({ controllers: [Handlers, Forgetful] }).compile();
  const app = moduleRef.createNestApplication();
  const rmq = new InProcessRmqServer(queueWith(args));
  app.connectMicroservice({ strategy: rmq });
  await app.startAllMicroservices();
  await app.init();
  return { app, rmq, handlers: app.get(Handlers) };
}

describe('InProcessRmqServer (ServerRMQ with no broker)', () => {
  const deadLettering = { 'x-queue-type': 'quorum', 'x-delivery-limit': 2, 'x-dead-letter-exchange': 'things.dlx' };

  it('runs the real handler with its interceptor and reports the message acked', async () => {
    const { app, rmq, handlers } = await consumer(deadLettering);
    try {
      expect(await rmq.deliver('things.happened', { n: 1 })).toEqual({ outcome: 'acked', attempts: 1, extraSettlements: 0 });
      expect(handlers.seen).toEqual([{ n: 1 }]);
    } finally {
      await app.close();
    }
  });

  it('delivers a requeued message again, as a quorum queue does, and acks it once the handler succeeds', async () => {
    const { app, rmq, handlers } = await consumer(deadLettering);
    try {
      handlers.failuresLeft = 2;
      expect(await rmq.deliver('things.happened', { n: 2 })).toMatchObject({ outcome: 'acked', attempts: 3 });
    } finally {
      await app.close();
    }
  });

  it('dead-letters a message still failing after x-delivery-limit redeliveries', async () => {
    const { app, rmq, handlers } = await consumer(deadLettering);
    try {
      handlers.failuresLeft = 100;
      expect(await rmq.deliver('things.happened', { n: 3 })).toMatchObject({ outcome: 'dead-lettered', attempts: 3 });
    } finally {
      await app.close();
    }
  });

  it('drops instead when the queue has no dead-letter exchange', async () => {
    const { app, rmq, handlers } = await consumer({ 'x-queue-type': 'quorum', 'x-delivery-limit': 0 });
    try {
      handlers.failuresLeft = 100;
      expect(await rmq.deliver('things.happened', {})).toMatchObject({ outcome: 'dropped', attempts: 1 });
    } finally {
      await app.close();
    }
  });

  it('dead-letters a message of a pattern with no handler at once (ServerRMQ nacks it without requeue)', async () => {
    const { app, rmq } = await consumer(deadLettering);
    try {
      expect(await rmq.deliver('things.unknown', {})).toMatchObject({ outcome: 'dead-lettered', attempts: 1 });
      expect(await rmq.deliverRaw(Buffer.from('not json'))).toMatchObject({ outcome: 'dead-lettered', attempts: 1 });
    } finally {
      await app.close();
    }
  });

  it('reports a message the consumer never settles as unsettled', async () => {
    const { app, rmq } = await consumer(deadLettering);
    try {
      expect(await rmq.deliver('things.ignored', {})).toMatchObject({ outcome: 'unsettled', attempts: 1 });
    } finally {
      await app.close();
    }
  });
});
