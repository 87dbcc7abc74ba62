import { type RmqOptions, ServerRMQ } from '@nestjs/microservices';
import { openTelemetryApi } from '../optional-open-telemetry';
import { type TraceContext, traceContextOf } from '../trace-context';
import { RecordingChannel } from './recording-channel';
import { rmqMessageContent } from './rmq-message-content';

/** Where one delivered message ended, as a quorum queue with the server's queue arguments would have it. */
export type DeliveryOutcome = 'acked' | 'dead-lettered' | 'dropped' | 'unsettled';

/** The outcome of {@link InProcessRmqServer.deliver}, with how many deliveries it took and every settlement. */
export interface Delivery {
  outcome: DeliveryOutcome;
  /** How many times the message was delivered (a requeued message is delivered again, up to `x-delivery-limit` + 1). */
  attempts: number;
  /** Settlements beyond one per delivery: a consumer that acks and nacks one message (the broker closes the channel). */
  extraSettlements: number;
  /** The W3C trace context the message carried in its headers (`undefined` when none), which the handler ran in. */
  traceContext: TraceContext | undefined;
}

/** A message's AMQP headers (`properties.headers`), as a publisher sets them: `traceparent`, `tracestate`, … */
export type MessageHeaders = Readonly<Record<string, string>>;

/** How long a delivery may stay unsettled before it counts as `unsettled` (a handler that never acks). */
const SETTLE_TIMEOUT_MS = 2_000;

/**
 * Nest's RabbitMQ server (`ServerRMQ`) without a broker, for `app.connectMicroservice({ strategy })`: `deliver` hands a
 * message to the server's own `handleMessage` — deserialisation, `RmqContext`, then the handler's guards,
 * interceptors, pipes and filters — on a {@link RecordingChannel}, and answers how it was settled. A message requeued
 * (`nack` with requeue) is delivered again, as a quorum queue does, until the queue's `x-delivery-limit`; then, or when
 * rejected without requeue, it is dead-lettered if the queue names an `x-dead-letter-exchange`, dropped otherwise.
 * A message's headers may carry a trace context: the handler runs in it, as OpenTelemetry's amqplib instrumentation
 * runs a consumer's callback in the context it extracts from them (nothing when no propagator is registered).
 *
 * @example
 * const rmq = new InProcessRmqServer(consumerOptions);
 * app.connectMicroservice({ strategy: rmq }); await app.startAllMicroservices();
 * expect((await rmq.deliver('orders.placed', anOrderPlacedEvent())).outcome).toBe('acked');
 */
export class InProcessRmqServer extends ServerRMQ {
  /** The channel every delivery is settled on. */
  readonly recording = new RecordingChannel();
  private deliveryTag = 0;

  constructor(options: Required<RmqOptions>['options']) {
    super(options);
  }

  override async listen(callback: (error?: unknown) => void): Promise<void> {
    // ServerRMQ nacks a message of an unknown pattern on `this.channel`.
    this.channel = this.recording;
    callback();
  }

  override async close(): Promise<void> {
    this.channel = null;
  }

  /** Delivers `data` as Nest's `ClientRMQ.emit(pattern, data)` sends it (`{ pattern, data }` as JSON), with `headers`. */
  deliver(pattern: string, data: unknown, headers: MessageHeaders = {}): Promise<Delivery> {
    return this.deliverRaw(rmqMessageContent({ pattern, data }), headers);
  }

  /** Delivers `content` as it is, with `headers`: what another publisher, or a broken one, may put on the queue. */
  async deliverRaw(content: Buffer, headers: MessageHeaders = {}): Promise<Delivery> {
    const limit = Number(this.queueOptions?.arguments?.['x-delivery-limit'] ?? Number.POSITIVE_INFINITY);
    const carried = lowerCased(headers);
    const traceContext = traceContextOf(carried);
    let extraSettlements = 0;
    for (let attempt = 1; ; attempt++) {
      const message = this.message(content, headers, attempt);
      await inTraceContextOf(carried, () => this.handleMessage(message, this.recording));
      const settlement = await this.recording.settlement(message, SETTLE_TIMEOUT_MS);
      extraSettlements += Math.max(0, this.recording.settlementsOf(message).length - 1);
      const delivered = { attempts: attempt, extraSettlements, traceContext };
      if (!settlement) return { outcome: 'unsettled', ...delivered };
      if (settlement.kind === 'ack') return { outcome: 'acked', ...delivered };
      // A quorum queue dead-letters a message returned more times than its delivery limit.
      if (!settlement.requeue || attempt > limit) return { outcome: this.deadLetterOutcome(), ...delivered };
    }
  }

  private deadLetterOutcome(): DeliveryOutcome {
    return this.queueOptions?.arguments?.['x-dead-letter-exchange'] ? 'dead-lettered' : 'dropped';
  }

  private message(content: Buffer, headers: MessageHeaders, attempt: number): Record<string, unknown> {
    return {
      content,
      fields: { deliveryTag: ++this.deliveryTag, redelivered: attempt > 1, exchange: '', routingKey: this.queue },
      properties: { headers: attempt > 1 ? { ...headers, 'x-delivery-count': attempt - 1 } : { ...headers }, contentType: undefined },
    };
  }
}

function lowerCased(headers: MessageHeaders): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

/** Runs `work` in the trace context `headers` carry, as the amqplib instrumentation runs a consumer's callback. */
function inTraceContextOf<T>(headers: Record<string, string>, work: () => T): T {
  const otel = openTelemetryApi();
  return otel ? otel.context.with(otel.propagation.extract(otel.ROOT_CONTEXT, headers), work) : work();
}
