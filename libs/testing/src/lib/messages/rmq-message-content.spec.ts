import { ClientRMQ, RmqRecordBuilder } from '@nestjs/microservices';
import { rmqMessageContent } from './rmq-message-content';

/** What a real ClientRMQ hands to the channel for one event, caught on a channel that only records. */
async function contentClientRmqSends(pattern: string, data: unknown): Promise<Buffer> {
  const client = new ClientRMQ({ queue: 'orders' });
  let sent: Buffer | undefined;
  Reflect.set(client, 'channel', {
    sendToQueue: (_queue: string, content: Buffer, _options: unknown, done: (error?: unknown) => void) => {
      sent = content;
      done();
    },
  });
  await Reflect.get(client, 'dispatchEvent').call(client, { pattern, data });
  if (!sent) throw new Error('ClientRMQ sent nothing');
  return sent;
}

describe('rmqMessageContent', () => {
  const data = { order_id: 'ord_1', quantity: 2 };

  it('is the bytes ClientRMQ puts on the queue for emit(pattern, data)', async () => {
    expect(rmqMessageContent({ pattern: 'orders.placed', data }).toString()).toBe((await contentClientRmqSends('orders.placed', data)).toString());
    expect(JSON.parse(rmqMessageContent({ pattern: 'orders.placed', data }).toString())).toEqual({ pattern: 'orders.placed', data });
  });

  it('carries the data of an RmqRecord without its publish options, as ClientRMQ does', async () => {
    const record = new RmqRecordBuilder(data).setOptions({ priority: 3 }).build();
    expect(rmqMessageContent({ pattern: 'orders.placed', data: record }).toString()).toBe(
      (await contentClientRmqSends('orders.placed', record)).toString(),
    );
    expect(JSON.parse(rmqMessageContent({ pattern: 'orders.placed', data: record }).toString())).toEqual({ pattern: 'orders.placed', data });
  });
});
