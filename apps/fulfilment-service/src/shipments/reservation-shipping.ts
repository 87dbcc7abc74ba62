import { InventoryServiceClient, InventoryServiceError } from '@boundary/inventory-client';
import { Inject, Injectable } from '@nestjs/common';
import { firstValueFrom, retry, timer } from 'rxjs';
import { SHIPPING_RETRY } from './shipments.tokens';

/** How long a delivery keeps trying to ship while the Inventory Service cannot answer. */
export interface ShippingRetry {
  /** Tries after the first, while the inventory is unreachable, times out or its circuit is open. */
  retries: number;
  /** Milliseconds before the first retry; doubled for each next one, up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
}

/** The default: 8 retries over about 12 s, so six deliveries ride out an inventory restart of over a minute. */
export const SHIPPING_RETRY_DEFAULTS: ShippingRetry = { retries: 8, firstDelayMs: 250, maxDelayMs: 2_000 };

const TRANSIENT: readonly string[] = ['unavailable', 'timeout', 'circuit-open'];

/**
 * Ships a reservation at the Inventory Service (`PUT …/shipment`, idempotent). While the inventory cannot answer, it
 * tries again within the delivery, backing off: a message requeued at once would use up its delivery limit in
 * milliseconds and be dead-lettered by an inventory restart. A refusal (e.g. `409 RESERVATION_NOT_CONFIRMED`) or the
 * last failure is thrown: the message is requeued then.
 */
@Injectable()
export class ReservationShipping {
  constructor(
    private readonly inventory: InventoryServiceClient,
    @Inject(SHIPPING_RETRY) private readonly policy: ShippingRetry,
  ) {}

  async ship(reservationId: string): Promise<void> {
    const { retries, firstDelayMs, maxDelayMs } = this.policy;
    await firstValueFrom(
      this.inventory.ship(reservationId).pipe(
        retry({
          count: retries,
          delay: (error: unknown, attempt) => {
            if (!(error instanceof InventoryServiceError) || !TRANSIENT.includes(error.kind)) throw error;
            return timer(Math.min(firstDelayMs * 2 ** (attempt - 1), maxDelayMs));
          },
        }),
      ),
    );
  }
}
