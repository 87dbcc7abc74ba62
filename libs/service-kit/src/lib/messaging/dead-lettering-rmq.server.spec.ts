import { DeadLetteringRmqServer } from './dead-lettering-rmq.server';

/** A consumer as fulfilment's: a quorum queue with a delivery limit and its own dead-letter exchange, manual acks. */
const OPTIONS = {
  urls: ['amqp://guest:guest@127.0.0.1:5672'],
  queue: 'orders-q',
  queueOptions: { durable: true, arguments: { 'x-queue-type': 'quorum', 'x-delivery-limit': 5, 'x-dead-letter-exchange': 'orders-q.dlx', 'x-dead-letter-routing-key': 'orders-q' } },
  noAck: false,
  prefetchCount: 10,
};
const DEAD_LETTER = { exchange: 'orders-q.dlx', queue: 'orders-q.dead', routingKey: 'orders-q' };

describe('DeadLetteringRmqServer', () => {
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
    } as unknown as Parameters<DeadLetteringRmqServer['setupChannel']>[0];
    const server = new DeadLetteringRmqServer(OPTIONS, DEAD_LETTER);
    await server.setupChannel(channel, () => undefined);
    expect(calls.slice(0, 4)).toEqual([
      `assertExchange ${JSON.stringify(['orders-q.dlx', 'direct', { durable: true }])}`,
      `assertQueue ${JSON.stringify(['orders-q.dead', { durable: true, arguments: { 'x-queue-type': 'quorum' } }])}`,
      `bindQueue ${JSON.stringify(['orders-q.dead', 'orders-q.dlx', 'orders-q'])}`,
      `assertQueue ${JSON.stringify(['orders-q', OPTIONS.queueOptions])}`,
    ]);
    expect(calls.at(-1)).toMatch(/^consume \["orders-q",null,\{"noAck":false/);
  });
});
