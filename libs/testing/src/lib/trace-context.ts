/**
 * The W3C trace context a double received (https://www.w3.org/TR/trace-context/#traceparent-header), parsed once
 * here for every double of the kit: the HTTP doubles read it from the `traceparent` header, the message doubles
 * from the message's headers. A consumer that propagates its context sends one whose `traceId` is its trace and
 * whose `parentSpanId` is the span of its call.
 */
export type TraceContext =
  | { valid: true; traceId: string; parentSpanId: string; sampled: boolean }
  /** A header was sent but breaks the format: recorded as it came, never thrown (a double must not crash on it). */
  | { valid: false; traceparent: string };

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const ALL_ZEROS = /^0+$/;

/** The context a `traceparent` header value carries; `undefined` when none was sent. */
export function parseTraceparent(traceparent: string | undefined): TraceContext | undefined {
  if (traceparent === undefined) return undefined;
  const [, version, traceId, parentSpanId, flags, rest] = TRACEPARENT.exec(traceparent.trim()) ?? [];
  const known = version === '00' ? rest === undefined : version !== undefined && version !== 'ff';
  if (!known || ALL_ZEROS.test(traceId) || ALL_ZEROS.test(parentSpanId)) return { valid: false, traceparent };
  return { valid: true, traceId, parentSpanId, sampled: (parseInt(flags, 16) & 1) === 1 };
}

/** The trace context of headers whose names are lower-cased (as every double of the kit records them). */
export function traceContextOf(headers: Readonly<Record<string, unknown>>): TraceContext | undefined {
  const value = headers['traceparent'];
  return parseTraceparent(typeof value === 'string' ? value : Array.isArray(value) ? String(value[0]) : undefined);
}
