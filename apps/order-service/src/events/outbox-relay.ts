import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { ClientProxy } from '@nestjs/microservices';
import { asc, inArray, isNull, sql } from 'drizzle-orm';
import { lastValueFrom, timeout } from 'rxjs';
import { OrderDatabase } from '../database/order-database';
import { outbox } from '../database/order-service.schema';
import { ORDER_EVENTS_CLIENT, OUTBOX_RELAY_OPTIONS } from './order-events.tokens';
import { ReservationConfirmation } from './reservation-confirmation';

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
 * Before a row is published, the reservation it announces is confirmed at the Inventory Service
 * (`ReservationConfirmation`); a row whose confirmation must wait waits in the outbox too.
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

  private publishBatch(): Promise<number> {
    return this.database.db.transaction(async (tx) => {
      const rows = await tx
        .select({ id: outbox.id, pattern: outbox.pattern, payload: outbox.payload })
        .from(outbox)
        .where(isNull(outbox.sentAt))
        .orderBy(asc(outbox.id))
        .limit(this.options.batchSize)
        .for('update', { skipLocked: true });
      const sent: number[] = [];
      for (const row of rows) {
        // The order's reservation is confirmed first: the inventory must hear of the commit before fulfilment does.
        if ((await this.confirmation.beforePublishing(row.pattern, row.payload)) === 'retry') break;
        if (!(await this.publish(row.pattern, row.payload, rows.length - sent.length))) break;
        sent.push(row.id);
      }
      if (sent.length > 0) await tx.update(outbox).set({ sentAt: sql`now()` }).where(inArray(outbox.id, sent));
      return sent.length;
    });
  }

  /** `true` once the broker confirmed; `false` (logged when the broker goes away) if it did not. */
  private async publish(pattern: string, payload: unknown, waiting: number): Promise<boolean> {
    try {
      await lastValueFrom(this.client.emit(pattern, payload).pipe(timeout(this.options.publishTimeoutMs)), {
        defaultValue: undefined,
      });
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
