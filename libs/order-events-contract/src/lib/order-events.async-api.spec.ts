import { z } from 'zod';
import { anOrderPlacedEvent } from './order-placed.fixtures';
import { orderEventsAsyncApi } from './order-events.async-api';
import { ORDER_PLACED, OrderPlacedEventSchema } from './order-placed.event';
import { ORDER_PLACED_QUEUE } from './order-placed.queue';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('the Order Service’s events as an AsyncAPI 3 document', () => {
  const document = orderEventsAsyncApi() as unknown as Json;
  const message = document['channels'][ORDER_PLACED].messages[ORDER_PLACED];

  it('has one channel per pattern, addressed to the queue it is published to, and the Order Service sends on it', () => {
    expect(document['asyncapi']).toBe('3.0.0');
    expect(Object.keys(document['channels'])).toEqual([ORDER_PLACED]);
    expect(document['channels'][ORDER_PLACED].address).toBe(ORDER_PLACED_QUEUE);
    expect(document['operations']).toEqual({
      publishOrderPlaced: {
        action: 'send',
        channel: { $ref: '#/channels/orders.placed' },
        messages: [{ $ref: '#/channels/orders.placed/messages/orders.placed' }],
      },
    });
  });

  it('describes the payload as Nest’s RMQ transport writes it: the pattern, and the contract’s schema as data', () => {
    expect(message.payload.properties.pattern).toEqual({ type: 'string', const: ORDER_PLACED });
    const { $schema: _dialect, ...schema } = z.toJSONSchema(OrderPlacedEventSchema, { target: 'draft-7', io: 'output' });
    expect(message.payload.properties.data).toEqual(schema);
    expect(message.payload.required).toEqual(['pattern', 'data']);
    expect(message.payload.properties.data.required).toEqual(Object.keys(anOrderPlacedEvent()));
  });

  it('describes the W3C trace-context headers the publisher’s amqplib instrumentation writes, none of them required', () => {
    expect(Object.keys(message.headers.properties)).toEqual(['traceparent', 'tracestate']);
    expect(message.headers.required).toBeUndefined();
    const traceparent = new RegExp(message.headers.properties.traceparent.pattern);
    expect(traceparent.test('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toBe(true);
    expect(traceparent.test('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7')).toBe(false);
  });

  it('references only what it defines', () => {
    const refs = JSON.stringify(document).match(/"\$ref":"#\/[^"]+"/g) ?? [];
    for (const ref of refs) {
      const path = ref.slice('"$ref":"#/'.length, -1).split('/');
      expect({ ref, found: path.reduce<Json | undefined>((node, key) => node?.[key], document) !== undefined }).toEqual({ ref, found: true });
    }
    expect(refs).toHaveLength(2);
  });
});
