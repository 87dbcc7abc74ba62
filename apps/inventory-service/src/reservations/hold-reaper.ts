import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { ReservationHoldOptions } from '../config/inventory-service.config';
import { RESERVATION_HOLD_OPTIONS } from './reservations.tokens';
import { ReservationLifecycleRepository } from './reservation-lifecycle.repository';

/** Most holds released by one transaction: a backlog is worked off batch by batch, never in one long lock. */
const BATCH = 500;

/**
 * Releases holds never confirmed within `RESERVATION_HOLD`, every `reapEveryMs` from the app's start until its
 * shutdown: units held for an order that was never written (its process died between reserving and writing) go back
 * to stock. A failed pass is logged and tried again at the next tick.
 */
@Injectable()
export class HoldReaper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(HoldReaper.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly lifecycle: ReservationLifecycleRepository,
    @Inject(RESERVATION_HOLD_OPTIONS) private readonly options: ReservationHoldOptions,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.reapOnce(), this.options.reapEveryMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a pass in progress: the database closes after this. */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass: releases every expired hold, batch by batch; resolves to how many. Never rejects (a failure is logged). */
  reapOnce(): Promise<number> {
    this.running ??= this.reapAll()
      .catch((error: unknown) => {
        this.logger.error(`Releasing expired holds failed: ${error instanceof Error ? error.message : String(error)}`);
        return 0;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  private async reapAll(): Promise<number> {
    let released = 0;
    for (let batch = BATCH; batch === BATCH; released += batch) {
      batch = await this.lifecycle.releaseExpiredHolds(this.options.holdMs, BATCH);
    }
    if (released > 0) this.logger.log(`Released ${released} hold(s) not confirmed within ${this.options.holdMs} ms`);
    return released;
  }
}
