import { InventoryServiceClient, type MadeReservation } from '@boundary/inventory-client';
import type { CreateOrderRequest } from '@boundary/order-contract';
import { IdempotencyKeyReusedError } from '@boundary/service-kit';
import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { firstValueFrom } from 'rxjs';
import { OrderRepository, type OrderCreation } from './order.repository';
import { isSameOrder } from './same-order';

/**
 * Places an order: the stock is reserved with the Inventory Service first, then the order is written; if the write
 * fails, the reservation is released. The order's Idempotency-Key is the reservation's, so a retried or replayed
 * POST never reserves twice; a repeat of an order already written is answered without calling the inventory.
 */
@Injectable()
export class OrderPlacement {
  private readonly logger = new Logger(OrderPlacement.name);

  constructor(
    private readonly orders: OrderRepository,
    private readonly inventory: InventoryServiceClient,
  ) {}

  async place(request: CreateOrderRequest, idempotencyKey?: string): Promise<OrderCreation> {
    if (idempotencyKey !== undefined) {
      const earlier = await this.orders.findOrderByIdempotencyKey(idempotencyKey);
      if (earlier !== undefined) {
        if (!isSameOrder(earlier, request)) throw new IdempotencyKeyReusedError(idempotencyKey);
        return { order: earlier, created: false };
      }
    }
    // Without a key of the caller's, one of ours: the client may then retry the reservation safely.
    const made = await this.reserve(request, idempotencyKey ?? randomUUID());
    try {
      return await this.orders.createOrder(request, { reservationId: made.reservation.reservation_id, idempotencyKey });
    } catch (error) {
      // Only a reservation this call made is released: a repeat's belongs to the request that made it.
      if (made.created) await this.release(made.reservation.reservation_id);
      throw error;
    }
  }

  /** Fails with the client's `InventoryServiceError` (answered by `inventoryProblem`): nothing is written then. */
  private reserve({ item, quantity }: CreateOrderRequest, idempotencyKey: string): Promise<MadeReservation> {
    return firstValueFrom(this.inventory.reserve({ item, quantity }, { idempotencyKey }));
  }

  /** Best effort: a release that fails is logged (the units stay reserved), and the write's failure is answered. */
  private async release(reservationId: string): Promise<void> {
    try {
      await firstValueFrom(this.inventory.release(reservationId));
    } catch (error) {
      this.logger.error(`Reservation ${reservationId} could not be released after the order was not written: ${String(error)}`);
    }
  }
}
