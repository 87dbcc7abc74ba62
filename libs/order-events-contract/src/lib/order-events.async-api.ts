import { nestRmqEnvelope, TRACE_CONTEXT_MESSAGE_HEADERS, type AsyncApiDocument } from '@boundary/http-conventions';
import { ORDER_PLACED, ORDER_PLACED_VERSION, OrderPlacedEventSchema } from './order-placed.event';
import { ORDER_PLACED_QUEUE } from './order-placed.queue';

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
            headers: TRACE_CONTEXT_MESSAGE_HEADERS,
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
