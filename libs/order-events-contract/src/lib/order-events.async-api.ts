import { z } from 'zod';
import { ORDER_PLACED, ORDER_PLACED_VERSION, OrderPlacedEventSchema } from './order-placed.event';
import { ORDER_PLACED_QUEUE } from './order-placed.queue';

/** An AsyncAPI 3.0 document, as far as this contract writes one. */
export interface AsyncApiDocument {
  asyncapi: '3.0.0';
  info: { title: string; version: string; description: string };
  defaultContentType: 'application/json';
  channels: Record<string, unknown>;
  operations: Record<string, unknown>;
}

/**
 * The message Nest's RabbitMQ transport puts on the queue for `ClientRMQ.emit(pattern, data)`: `{ pattern, data }`
 * as JSON. The pattern is part of the payload, so renaming it changes the payload (and the breaking-change check
 * sees it).
 */
function nestRmqEnvelope(pattern: string, data: z.ZodType): Record<string, unknown> {
  // draft-07: the dialect of AsyncAPI 3.0's Schema Object. The output side: what the publisher's parse writes.
  const { $schema: _dialect, ...dataSchema } = z.toJSONSchema(data, { target: 'draft-7', io: 'output' }) as Record<string, unknown>;
  return {
    type: 'object',
    properties: { pattern: { type: 'string', const: pattern }, data: dataSchema },
    required: ['pattern', 'data'],
  };
}

/**
 * The Order Service's events as an AsyncAPI 3.0 document, generated from this contract: one channel per pattern
 * (its address the queue it is published to), the payload Nest's RMQ transport writes, and the Order Service's
 * `send` operation. apps/order-service/asyncapi.json is this document, committed, and the breaking-change check
 * (tools/deploy-safety) compares it across commits.
 */
export function orderEventsAsyncApi(): AsyncApiDocument {
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Order Service events',
      version: `${ORDER_PLACED_VERSION}.0.0`,
      description: 'What the Order Service publishes through RabbitMQ (Nest microservices, RMQ transport), at least once per event.',
    },
    defaultContentType: 'application/json',
    channels: {
      [ORDER_PLACED]: {
        address: ORDER_PLACED_QUEUE,
        description: 'A durable quorum queue; its consumer acknowledges each message once handled.',
        messages: {
          [ORDER_PLACED]: {
            name: ORDER_PLACED,
            title: 'An order was placed',
            summary: 'One order the Order Service has committed, with its reservation; a consumer must tolerate a repeat.',
            contentType: 'application/json',
            payload: nestRmqEnvelope(ORDER_PLACED, OrderPlacedEventSchema),
          },
        },
      },
    },
    operations: {
      publishOrderPlaced: {
        action: 'send',
        channel: { $ref: `#/channels/${ORDER_PLACED}` },
        messages: [{ $ref: `#/channels/${ORDER_PLACED}/messages/${ORDER_PLACED}` }],
      },
    },
  };
}
