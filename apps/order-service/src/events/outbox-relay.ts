import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { context } from '@opentelemetry/api';
import { and, asc, inArray, isNull, sql } from 'drizzle-orm';
import { lastValueFrom, timeout } from 'rxjs';
import { OrderDatabase } from '../database/order-database';
import { outbox, type OutboxTraceContext } from '../database/order-service.schema';
import { ORDER_EVENTS_CLIENT, OUTBOX_RELAY_OPTIONS } from './order-events.tokens';
import { withholdBackordered } from './backordered-order';
import { outboxRowContext } from './outbox-trace-context';
import { ReservationConfirmation, type Backorder } from './reservation-confirmation';

/** An outbox row as the relay reads it. */
interface OutboxRow {
  id: number;
  pattern: string;
  payload: unknown;
  traceContext: OutboxTraceContext | null;
}

/** A row of the batch whose order the inventory holds nothing for. */
interface BackorderedRow {
  row: OutboxRow;
  backorder: Backorder;
}

/** How the relay polls and publishes. */
export interface OutboxRelayOptions {
  /** Milliseconds between two polls of the outbox (and between retries while the broker is away). */
  pollMs: number;
  /** Most rows published per poll. */
  batchSize: number;
  /** Milliseconds the broker has to confirm one publish before the row is left for the next poll. */
  publishTimeoutMs: number;
  /** Where the broker is, as logs may show it (no credentials). */
  brokerDescription: string;
  /** `false`: the app never polls on its own (a test calls {@link OutboxRelay.relayOnce}). */
  autoStart: boolean;
}

/**
 * Publishes the outbox: every poll takes the oldest unsent rows (`FOR UPDATE SKIP LOCKED`, so instances sharing a
 * PostgreSQL database never publish one row at the same time), emits each through the `ClientProxy` and sets its
 * `sent_at` only once the broker confirmed it. A row whose publish fails stays unsent and is tried again at the next
 * poll, after a restart too: every committed order is announced at least once (a repeat is possible, never a loss).
 * Before a batch is published, the reservation each row announces is confirmed at the Inventory Service
 * (`ReservationConfirmation`); a row whose confirmation must wait waits in the outbox too. A row whose order the
 * inventory holds nothing for any more is never published: in the batch's transaction its order is marked
 * backordered and the row withheld (a warn line names the order, the reservation and the inventory's code).
 * While the broker cannot be reached the HTTP API keeps serving; one log line says that events wait in the outbox.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private brokerAway = false;
  private stopped = false;

  constructor(
    private readonly database: OrderDatabase,
    @Inject(ORDER_EVENTS_CLIENT) private readonly client: ClientProxy,
    @Inject(OUTBOX_RELAY_OPTIONS) private readonly options: OutboxRelayOptions,
    private readonly confirmation: ReservationConfirmation,
  ) {}

  onApplicationBootstrap(): void {
    if (this.options.autoStart) this.schedule();
  }

  /** Stops polling and waits for a poll in progress: the database closes after this. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One poll: publishes up to `batchSize` unsent rows; resolves to how many the broker confirmed. Never rejects. */
  relayOnce(): Promise<number> {
    this.running ??= this.publishBatch()
      .catch((error: unknown) => {
        this.logger.error(`Outbox poll failed: ${error instanceof Error ? error.message : String(error)}`);
        return 0;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private schedule(): void {
    this.timer = setTimeout(async () => {
      await this.relayOnce();
      if (!this.stopped) this.schedule();
    }, this.options.pollMs);
    this.timer.unref();
  }

  private async publishBatch(): Promise<number> {
    const { sent, backordered } = await this.database.db.transaction(async (tx) => {
      const rows = await tx
        .select({ id: outbox.id, pattern: outbox.pattern, payload: outbox.payload, traceContext: outbox.traceContext })
        .from(outbox)
        .where(and(isNull(outbox.sentAt), isNull(outbox.withheldAt)))
        .orderBy(asc(outbox.id))
        .limit(this.options.batchSize)
        .for('update', { skipLocked: true });
      const { confirmed, backordered } = await this.confirmAll(rows);
      for (const { row, backorder } of backordered) await withholdBackordered(tx, row.id, backorder);
      const sent: number[] = [];
      for (const row of confirmed) {
        if (!(await this.publish(row, confirmed.length - sent.length))) break;
        sent.push(row.id);
      }
      if (sent.length > 0) await tx.update(outbox).set({ sentAt: sql`now()` }).where(inArray(outbox.id, sent));
      return { sent: sent.length, backordered };
    });
    // Logged once the transaction committed: the order is backordered for good.
    for (const { backorder } of backordered) {
      this.logger.warn(
        `Order ${backorder.orderId} backordered: the Inventory Service holds nothing for reservation ${backorder.reservationId} (${backorder.code}); its orders.placed event is withheld, fulfilment is not told`,
      );
    }
    return sent;
  }

  /**
   * Confirms the reservation of every row before any is published (the inventory must hear of a commit before
   * fulfilment does): all of the batch, whether the broker answers or not, so no hold expires while its event waits
   * for the broker. Stops at the first row whose confirmation must wait; the rows from there wait in the outbox.
   */
  private async confirmAll(rows: OutboxRow[]): Promise<{ confirmed: OutboxRow[]; backordered: BackorderedRow[] }> {
    const confirmed: OutboxRow[] = [];
    const backordered: BackorderedRow[] = [];
    for (const row of rows) {
      // In the row's context too: the confirmation belongs to the order's trace, before its event.
      const outcome = await context.with(outboxRowContext(row.traceContext), () => this.confirmation.beforePublishing(row.pattern, row.payload));
      if (outcome.kind === 'retry') break;
      if (outcome.kind === 'backorder') backordered.push({ row, backorder: outcome });
      else confirmed.push(row);
    }
    return { confirmed, backordered };
  }

  /**
   * Emits `row` in the context of the request that wrote it (none for a row without one), so the message continues
   * that request's trace. `ClientRMQ.emit` reaches amqplib's `publish` in the caller's async context, where
   * OpenTelemetry's amqplib instrumentation starts its publish span as a child of that context and writes the span's
   * `traceparent` into the message's headers: the relay adds no header of its own, and the body is unchanged.
   * `true` once the broker confirmed; `false` (logged when the broker goes away) if it did not.
   */
  private async publish({ pattern, payload, traceContext }: OutboxRow, waiting: number): Promise<boolean> {
    try {
      await context.with(outboxRowContext(traceContext), () =>
        lastValueFrom(this.client.emit(pattern, payload).pipe(timeout(this.options.publishTimeoutMs)), { defaultValue: undefined }),
      );
    } catch (error) {
      if (!this.brokerAway) {
        this.brokerAway = true;
        const cause = describeCause(error);
        this.logger.warn(
          `Cannot publish to RabbitMQ at ${this.options.brokerDescription} (${cause}): ${waiting} event(s) wait in the outbox and are published once it answers`,
        );
      }
      return false;
    }
    if (this.brokerAway) {
      this.brokerAway = false;
      this.logger.log(`RabbitMQ at ${this.options.brokerDescription} answers again: publishing the outbox`);
    }
    return true;
  }
}

/** What a failed publish says: an `Error`'s message, or that of the `err` ClientRMQ rejects with (`{ err, url }`). */
function describeCause(error: unknown): string {
  if (error instanceof Error) return error.message;
  const nested = (error as { err?: unknown } | null)?.err;
  if (nested !== undefined) return describeCause(nested);
  return typeof error === 'string' ? error : JSON.stringify(error);
}
