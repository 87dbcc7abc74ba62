import { type RmqOptions, ServerRMQ } from '@nestjs/microservices';

/** Where a queue's dead letters go: a direct exchange, and the queue bound to it with the routing key. */
export interface DeadLetterQueue {
  exchange: string;
  queue: string;
  routingKey: string;
}

/** The amqplib channel the transport hands to `setupChannel` (typed from Nest, so the kit needs no amqplib types). */
type RmqChannel = Parameters<ServerRMQ['setupChannel']>[0];

/**
 * Nest's RabbitMQ server that also declares its queue's dead-letter exchange and queue (a direct exchange, the queue
 * bound with the routing key) on every (re)connection, before the queue itself: the built-in transport declares only
 * the queue, and a message dead-lettered to an exchange that does not exist is lost.
 */
export class DeadLetteringRmqServer extends ServerRMQ {
  constructor(
    options: Required<RmqOptions>['options'],
    private readonly deadLetter: DeadLetterQueue,
  ) {
    super(options);
  }

  override async setupChannel(channel: RmqChannel, callback: () => void): Promise<void> {
    await channel.assertExchange(this.deadLetter.exchange, 'direct', { durable: true });
    await channel.assertQueue(this.deadLetter.queue, { durable: true, arguments: { 'x-queue-type': 'quorum' } });
    await channel.bindQueue(this.deadLetter.queue, this.deadLetter.exchange, this.deadLetter.routingKey);
    return super.setupChannel(channel, callback);
  }
}
