import { InventoryServiceClient, InventoryServiceError } from '@boundary/inventory-client';
import { INVENTORY_ERROR_CODES } from '@boundary/inventory-contract';
import { ORDER_PLACED } from '@boundary/order-events-contract';
import { Injectable, Logger } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';

/**
 * What became of a confirmation: the event may be published (`publish`), it waits for the next poll (`retry`), or
 * the inventory holds nothing for the order any more (`backorder`, with what the relay records and logs).
 */
export type ConfirmationOutcome = { kind: 'publish' } | { kind: 'retry' } | Backorder;

/** The inventory refused the confirmation for good: the order is to be backordered and its event withheld. */
export interface Backorder {
  kind: 'backorder';
  orderId: string;
  reservationId: string;
  /** The Inventory Service's code: `HOLD_EXPIRED` or `RESERVATION_NOT_FOUND`. */
  code: string;
}

const PUBLISH = { kind: 'publish' } as const;
const RETRY = { kind: 'retry' } as const;

/**
 * Confirms the reservation of an order the outbox announces, before the relay publishes the announcement: the order
 * has committed, so its units leave the hold (which the Inventory Service would otherwise release after
 * `RESERVATION_HOLD`), and fulfilment is only ever told about confirmed reservations. The confirmation is idempotent,
 * so a row confirmed and then not published (the broker away) is simply confirmed again at the next poll.
 */
@Injectable()
export class ReservationConfirmation {
  private readonly logger = new Logger(ReservationConfirmation.name);
  private inventoryAway = false;

  constructor(private readonly inventory: InventoryServiceClient) {}

  /**
   * `publish` once the inventory confirmed (or the row announces no reservation). `backorder` when it refused for
   * good — the hold expired and stock no longer allows (`HOLD_EXPIRED`), or it does not know the reservation
   * (`RESERVATION_NOT_FOUND`, e.g. released by its reaper): either way it holds nothing for this order, which the
   * relay then marks backordered instead of announcing it. `retry` when the inventory could not answer (unreachable,
   * timed out, 5xx): the row stays unsent and is tried again at the next poll, as a failed publish is; one log line
   * says so while it lasts.
   */
  async beforePublishing(pattern: string, payload: unknown): Promise<ConfirmationOutcome> {
    const { order_id: orderId, reservation_id: reservationId } = (payload ?? {}) as { order_id?: string; reservation_id?: unknown };
    if (pattern !== ORDER_PLACED || typeof reservationId !== 'string') return PUBLISH;
    try {
      await firstValueFrom(this.inventory.confirm(reservationId));
    } catch (error) {
      if (isRefusedForGood(error)) {
        return { kind: 'backorder', orderId: orderId as string, reservationId, code: error.providerCode as string };
      }
      if (!this.inventoryAway) {
        this.inventoryAway = true;
        this.logger.warn(`Cannot confirm reservations at the Inventory Service (${describe(error)}): events wait in the outbox until it answers`);
      }
      return RETRY;
    }
    if (this.inventoryAway) {
      this.inventoryAway = false;
      this.logger.log('The Inventory Service confirms reservations again: publishing the outbox');
    }
    return PUBLISH;
  }
}

const FOR_GOOD: readonly (string | undefined)[] = [INVENTORY_ERROR_CODES.holdExpired, INVENTORY_ERROR_CODES.reservationNotFound];

function isRefusedForGood(error: unknown): error is InventoryServiceError {
  return error instanceof InventoryServiceError && FOR_GOOD.includes(error.providerCode);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
