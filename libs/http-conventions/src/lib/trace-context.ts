/**
 * A W3C `traceparent` as the chain writes it (version 00): version, 32 hex digits of trace id, 16 of parent span id,
 * 2 of flags. Calls carry it as an HTTP header, messages in their AMQP headers (amqplib's instrumentation writes it at
 * publish), and the Order Service's outbox keeps it with a row.
 */
export const TRACEPARENT_PATTERN = '^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$';

/** How long a `tracestate` W3C allows: 32 list members of at most 256 characters, with their separators. */
export const MAX_TRACESTATE_LENGTH = 512;
