import { RmqRecord } from '@nestjs/microservices';
import { type Observable, of, throwError } from 'rxjs';
import { openTelemetryApi } from '../optional-open-telemetry';
import { traceContextOf } from '../trace-context';
import type { EmittedMessage, PayloadSchema } from './emitted-message';
import { OffContractPayloadError } from './off-contract-payload.error';
import { UnexpectedEmitError } from './unexpected-emit.error';

/**
 * Stands in for `@nestjs/microservices`' `ClientProxy` on the publishing side, with no broker: every `emit` is
 * recorded; a pattern no test expects fails with an `UnexpectedEmitError` (the closest expected patterns, the segment
 * that differs), a payload that breaks its pattern's schema with an `OffContractPayloadError` naming the fields.
 * `isDown()` makes every emit fail as an unreachable broker does, `recovers()` ends that. Like the real client's,
 * `emit` is hot: the message is recorded whether or not anyone subscribes. Each message records the trace context it
 * would carry on the wire (`traceContext`): the active one when OpenTelemetry is registered — written into the
 * headers at publish by its amqplib instrumentation, as the real client's emit reaches it in the caller's context —
 * else that of an `RmqRecord`'s own headers.
 *
 * @example
 * const events = new ClientProxyDouble().expects(ORDER_PLACED, OrderPlacedEventSchema);
 * Test.createTestingModule({ ... }).overrideProvider(ORDER_EVENTS_CLIENT).useValue(events)
 */
export class ClientProxyDouble {
  /** Every emit, in order, expected or not. */
  readonly emitted: EmittedMessage[] = [];
  private readonly accepted: EmittedMessage[] = [];
  private readonly schemas = new Map<string, PayloadSchema | undefined>();
  private readonly problems: Error[] = [];
  private down?: { reason: unknown };

  /** Expects emits to `pattern`, each payload checked against `schema` when given. */
  expects(pattern: string, schema?: PayloadSchema): this {
    this.schemas.set(pattern, schema);
    return this;
  }

  /**
   * Every emit from now on fails with `reason`, and is recorded. By default what `ClientRMQ` fails with when no broker
   * answers: not an `Error` but amqp-connection-manager's `connectFailed` event, `{ err, url }`.
   */
  isDown(reason: unknown = { err: new Error('connect ECONNREFUSED 127.0.0.1:5672'), url: 'amqp://127.0.0.1:5672' }): this {
    this.down = { reason };
    return this;
  }

  /** Ends `isDown()`: emits succeed again. */
  recovers(): this {
    this.down = undefined;
    return this;
  }

  /** The payloads emitted to `pattern` that were accepted (neither refused nor failed), in order. */
  delivered(pattern: string): unknown[] {
    return this.accepted.filter((message) => message.pattern === pattern).map((message) => message.data);
  }

  emit<TResult = undefined>(pattern: string, data: unknown): Observable<TResult> {
    const message = emittedMessage(pattern, data);
    this.emitted.push(message);
    const problem = this.check(message);
    if (problem) {
      this.problems.push(problem);
      return throwError(() => problem);
    }
    if (this.down) {
      const { reason } = this.down;
      return throwError(() => reason);
    }
    this.accepted.push(message);
    return of(undefined as TResult);
  }

  /** Request-response is not what this double stands in for: every `send` fails, naming the pattern. */
  send<TResult = unknown>(pattern: string): Observable<TResult> {
    return throwError(() => new Error(`ClientProxyDouble: send('${pattern}') — this double records events (emit) only`));
  }

  async connect(): Promise<void> {
    // Nothing to connect to.
  }

  async close(): Promise<void> {
    // Nothing to close.
  }

  /** Fails, naming each, if any emit went to an unexpected pattern or broke its schema (also when its caller caught it). */
  verify(): void {
    if (this.problems.length > 0) throw new Error(this.problems.map((problem) => problem.message).join('\n'));
  }

  /** Forgets emits, problems and `isDown()`, keeping what is expected (call it in `afterEach` for a shared double). */
  reset(): void {
    this.emitted.length = 0;
    this.accepted.length = 0;
    this.problems.length = 0;
    this.down = undefined;
  }

  private check(message: EmittedMessage): Error | undefined {
    if (!this.schemas.has(message.pattern)) return new UnexpectedEmitError(message, [...this.schemas.keys()]);
    const result = this.schemas.get(message.pattern)?.safeParse(message.data);
    if (result && !result.success) return new OffContractPayloadError(message, result.error.issues);
    return undefined;
  }
}

/** What `ClientRMQ` would publish for `emit(pattern, data)`: the body's payload and the headers' trace context. */
function emittedMessage(pattern: string, data: unknown): EmittedMessage {
  const record = data instanceof RmqRecord ? data : undefined;
  const headers: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(record?.options?.headers ?? {})) headers[name.toLowerCase()] = value;
  // What the amqplib instrumentation writes over the message's headers; nothing when no propagator is registered.
  const otel = openTelemetryApi();
  otel?.propagation.inject(otel.context.active(), headers);
  return { pattern, data: record ? record.data : data, traceContext: traceContextOf(headers) };
}
