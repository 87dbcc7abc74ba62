import { orderPlacedQueueTopology, type OrderPlacedQueueTopology } from '@boundary/order-events-contract';
import { connect } from 'amqplib';
import { randomUUID } from 'node:crypto';

/** The broker the event specs use: the run's RABBITMQ_URL (`.ci/run` exports it), else the machine's default. */
export const RABBITMQ_URL = process.env['RABBITMQ_URL'] || 'amqp://guest:guest@127.0.0.1:5672';

/**
 * An `orders.placed` queue of one test run's own (its dead-letter exchange and queue too): nothing shared with another
 * run or with `npm start`. The services declare it; `remove` deletes all three.
 */
export class OrderEventsQueue {
  readonly topology: OrderPlacedQueueTopology = orderPlacedQueueTopology(`e2e.orders-placed.${randomUUID()}`);

  /** What a publishing or consuming service needs in its environment to use this queue on the broker. */
  get env(): Record<string, string> {
    return { RABBITMQ_URL, ORDER_EVENTS_QUEUE: this.topology.queue };
  }

  /** How many messages wait in the queue and in its dead-letter queue (a queue not declared yet counts 0). */
  async depths(): Promise<{ queued: number; deadLettered: number }> {
    const broker = await connect(RABBITMQ_URL);
    try {
      const count = async (name: string) => {
        const channel = await broker.createChannel();
        channel.on('error', () => undefined);
        return channel.checkQueue(name).then(({ messageCount }) => messageCount, () => 0);
      };
      return { queued: await count(this.topology.queue), deadLettered: await count(this.topology.deadLetter.queue) };
    } finally {
      await broker.close();
    }
  }

  async remove(): Promise<void> {
    const broker = await connect(RABBITMQ_URL);
    try {
      const channel = await broker.createChannel();
      await channel.deleteQueue(this.topology.queue);
      await channel.deleteQueue(this.topology.deadLetter.queue);
      await channel.deleteExchange(this.topology.deadLetter.exchange);
    } finally {
      await broker.close();
    }
  }
}

/** Waits up to `timeoutMs` for `found()`; fails naming `what`, with `log()` (the processes' output) attached. */
export async function eventually(
  what: string,
  found: () => boolean | Promise<boolean>,
  log: () => string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await found()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`not seen within ${timeoutMs} ms: ${what}\n${log()}`);
}
