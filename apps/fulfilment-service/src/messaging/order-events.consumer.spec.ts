import { orderPlacedQueueTopology } from '@boundary/order-events-contract';
import type { Channel } from 'amqplib';
import { DeadLetteringRmqServer } from './dead-lettering-rmq.server';
import { orderEventsConsumerOptions } from './order-events.consumer-options';

const events = { url: 'amqp://guest:guest@127.0.0.1:5672', queue: 'orders-q' };

describe('fulfilment’s orders.placed consumer', () => {
  it('consumes the contract’s queue with its arguments and manual acks (noAck: false)', () => {
    expect(orderEventsConsumerOptions(events)).toEqual({
      urls: [events.url],
      queue: 'orders-q',
      queueOptions: orderPlacedQueueTopology('orders-q').queueOptions,
      noAck: false,
      prefetchCount: 10,
    });
  });

  it('declares the dead-letter exchange, queue and binding on every channel set-up, before the queue itself', async () => {
    const calls: string[] = [];
    const record =
      (name: string) =>
      async (...args: unknown[]) => {
        calls.push(`${name} ${JSON.stringify(args)}`);
        return name === 'assertQueue' ? { queue: args[0] } : {};
      };
    const channel = {
      assertExchange: record('assertExchange'),
      assertQueue: record('assertQueue'),
      bindQueue: record('bindQueue'),
      prefetch: record('prefetch'),
      consume: record('consume'),
    } as unknown as Channel;
    const { deadLetter } = orderPlacedQueueTopology('orders-q');
    const server = new DeadLetteringRmqServer(orderEventsConsumerOptions(events), deadLetter);
    await server.setupChannel(channel, () => undefined);
    expect(calls.slice(0, 4)).toEqual([
      `assertExchange ${JSON.stringify(['orders-q.dlx', 'direct', { durable: true }])}`,
      `assertQueue ${JSON.stringify(['orders-q.dead', { durable: true, arguments: { 'x-queue-type': 'quorum' } }])}`,
      `bindQueue ${JSON.stringify(['orders-q.dead', 'orders-q.dlx', 'orders-q'])}`,
      `assertQueue ${JSON.stringify(['orders-q', orderPlacedQueueTopology('orders-q').queueOptions])}`,
    ]);
    expect(calls.at(-1)).toMatch(/^consume \["orders-q",null,\{"noAck":false/);
  });
});
