import { parseTraceparent, traceContextOf } from './trace-context';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN_ID = '00f067aa0ba902b7';

describe('parseTraceparent', () => {
  it('reads the trace id, the parent span id and the sampled flag of a version-00 header', () => {
    expect(parseTraceparent(`00-${TRACE_ID}-${SPAN_ID}-01`)).toEqual({ valid: true, traceId: TRACE_ID, parentSpanId: SPAN_ID, sampled: true });
    expect(parseTraceparent(`00-${TRACE_ID}-${SPAN_ID}-00`)).toEqual({ valid: true, traceId: TRACE_ID, parentSpanId: SPAN_ID, sampled: false });
  });

  it('is undefined when no header was sent', () => {
    expect(parseTraceparent(undefined)).toBeUndefined();
  });

  it('accepts a later version with more fields, as the W3C recommendation asks of a version-00 reader', () => {
    expect(parseTraceparent(`01-${TRACE_ID}-${SPAN_ID}-01-future`)).toMatchObject({ valid: true, traceId: TRACE_ID });
  });

  it.each([
    ['an upper-case trace id', `00-${TRACE_ID.toUpperCase()}-${SPAN_ID}-01`],
    ['an all-zero trace id', `00-${'0'.repeat(32)}-${SPAN_ID}-01`],
    ['an all-zero span id', `00-${TRACE_ID}-${'0'.repeat(16)}-01`],
    ['the forbidden version ff', `ff-${TRACE_ID}-${SPAN_ID}-01`],
    ['a version-00 header with a fifth field', `00-${TRACE_ID}-${SPAN_ID}-01-extra`],
    ['a short trace id', `00-${TRACE_ID.slice(1)}-${SPAN_ID}-01`],
    ['no dashes', `00${TRACE_ID}${SPAN_ID}01`],
    ['an empty value', ''],
  ])('records %s as malformed, with the value sent, without throwing', (_, traceparent) => {
    expect(parseTraceparent(traceparent)).toEqual({ valid: false, traceparent });
  });
});

describe('traceContextOf', () => {
  it('reads the lower-cased traceparent header of recorded headers', () => {
    expect(traceContextOf({ traceparent: `00-${TRACE_ID}-${SPAN_ID}-01`, accept: 'application/json' })).toMatchObject({ traceId: TRACE_ID, parentSpanId: SPAN_ID });
  });

  it('reads the first of a repeated header, and nothing from headers without one', () => {
    expect(traceContextOf({ traceparent: [`00-${TRACE_ID}-${SPAN_ID}-01`, 'junk'] })).toMatchObject({ valid: true, traceId: TRACE_ID });
    expect(traceContextOf({ accept: 'application/json' })).toBeUndefined();
  });
});
