import { type CallHandler, type ExecutionContext, Injectable, Logger, type NestInterceptor } from '@nestjs/common';
import type { RmqContext } from '@nestjs/microservices';
import { catchError, EMPTY, type Observable, tap } from 'rxjs';
import { InvalidMessageError } from './invalid-message.error';

/**
 * Settles each RabbitMQ message of a `noAck: false` consumer, which Nest's RMQ transport leaves to the handler: `ack`
 * once the handler (pipes included) succeeded; a payload that breaks its contract is rejected without requeue, so
 * the queue dead-letters it at once; any other failure is requeued, and the quorum queue dead-letters the message once
 * it has been delivered more than its `x-delivery-limit` times. Each failure is logged once, naming the field or
 * the error; the failure goes no further (the queue keeps flowing).
 */
@Injectable()
export class RmqAckInterceptor implements NestInterceptor {
  private readonly logger = new Logger(RmqAckInterceptor.name);

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const rmq = context.switchToRpc().getContext<RmqContext>();
    const channel = rmq.getChannelRef();
    const message = rmq.getMessage() as { properties?: { headers?: Record<string, unknown> } };
    return next.handle().pipe(
      tap({ complete: () => channel.ack(message) }),
      catchError((error: unknown) => {
        if (error instanceof InvalidMessageError) {
          this.logger.warn(`${error.message}: dead-lettered`);
          channel.nack(message, false, false);
        } else {
          const deliveries = Number(message.properties?.headers?.['x-delivery-count'] ?? 0) + 1;
          const cause = error instanceof Error ? error.message : String(error);
          this.logger.error(`${rmq.getPattern()} handler failed on delivery ${deliveries}: ${cause}; requeued (dead-lettered past the queue's delivery limit)`);
          channel.nack(message, false, true);
        }
        return EMPTY;
      }),
    );
  }
}
