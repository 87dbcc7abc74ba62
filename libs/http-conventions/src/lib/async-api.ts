import { z } from 'zod';
import { MAX_TRACESTATE_LENGTH, TRACEPARENT_PATTERN } from './trace-context';

/** An AsyncAPI 3.0 document, as far as the events contracts write one. */
export interface AsyncApiDocument {
  asyncapi: '3.0.0';
  info: { title: string; version: string; description: string };
  defaultContentType: 'application/json';
  channels: Record<string, unknown>;
  operations: Record<string, unknown>;
}

/**
 * The message Nest's RabbitMQ transport puts on the queue for `ClientRMQ.emit(pattern, data)`: `{ pattern, data }` as
 * JSON. The pattern is part of the payload, so renaming it changes the payload (and the breaking-change check sees it).
 */
export function nestRmqEnvelope(pattern: string, data: z.ZodType): Record<string, unknown> {
  // draft-07: the dialect of AsyncAPI 3.0's Schema Object. The output side: what the publisher's parse writes.
  const { $schema: _dialect, ...dataSchema } = z.toJSONSchema(data, { target: 'draft-7', io: 'output' }) as Record<string, unknown>;
  return {
    type: 'object',
    properties: { pattern: { type: 'string', const: pattern }, data: dataSchema },
    required: ['pattern', 'data'],
  };
}

/**
 * A message's AMQP headers as the services publish them: the W3C trace context of what published it, written by
 * OpenTelemetry's amqplib instrumentation, so the consumer's work continues the publisher's trace. Optional: a message
 * published outside any trace has none, and a consumer must not depend on them.
 */
export const TRACE_CONTEXT_MESSAGE_HEADERS: Record<string, unknown> = {
  type: 'object',
  properties: {
    traceparent: {
      type: 'string',
      pattern: TRACEPARENT_PATTERN,
      description: 'W3C trace context (https://www.w3.org/TR/trace-context/#traceparent-header): the publishing span.',
    },
    tracestate: {
      type: 'string',
      maxLength: MAX_TRACESTATE_LENGTH,
      description: 'W3C trace context: vendor-specific trace state, when the publisher had any.',
    },
  },
};
