import type { HttpService } from '@nestjs/axios';
import { ProviderClient, type ClientOptions } from '@boundary/client-core';
import { IDEMPOTENCY_KEY_HEADER } from '@boundary/http-conventions';
import {
  ItemSchema,
  ReservationSchema,
  ReservationStatusSchema,
  type CreateReservationRequest,
  type Item,
  type ReservationStatus,
} from '@boundary/inventory-contract';
import { map, type Observable } from 'rxjs';
import { z } from 'zod';
import { InventoryServiceError } from './errors/inventory-service.error';
import { INVENTORY_SERVICE_CALLS } from './inventory-service.calls';
import type { MadeReservation, ReserveOptions } from './made-reservation';

/** Talks to the Inventory Service over HTTP and hands back contract-checked data or a typed `InventoryServiceError`. */
export class InventoryServiceClient {
  private readonly core: ProviderClient;

  constructor(http: HttpService, options: ClientOptions) {
    this.core = new ProviderClient(http, options, InventoryServiceError, InventoryServiceClient.name);
  }

  /**
   * One item (`GET /items/:itemId`), validated against `ItemSchema`, under the client core's
   * policies (timeouts, retries, circuit breaker). Cold: nothing is sent until subscription. Fails with a
   * `InventoryServiceError` whose `kind` says why: `not-found` (404), `unavailable`, `timeout`, `bad-response`,
   * `rejected` (another 4xx, e.g. 401 for a wrong service token) or `circuit-open`.
   */
  getItem(itemId: string): Observable<Item> {
    return this.core
      .call({ ...INVENTORY_SERVICE_CALLS.item(itemId), schema: ItemSchema })
      .pipe(map(({ data }) => data));
  }

  /**
   * Reserves `quantity` units of `item` (`POST /reservations`), sending `idempotencyKey` as `Idempotency-Key`: the
   * client core may then retry the POST safely, and a repeat with the key answers the first reservation
   * (`created: false`) without reserving more. Fails with an `InventoryServiceError` of kind `rejected` whose
   * `providerCode` says why: `OUT_OF_STOCK` (409), `UNKNOWN_ITEM` (422), `IDEMPOTENCY_KEY_REUSED` (409).
   */
  reserve(request: CreateReservationRequest, { idempotencyKey }: ReserveOptions): Observable<MadeReservation> {
    return this.core
      .call({
        ...INVENTORY_SERVICE_CALLS.reserve(),
        body: request,
        headers: { [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
        schema: ReservationSchema,
      })
      .pipe(map(({ data, status }) => ({ reservation: data, created: status === 201 })));
  }

  /**
   * Releases a reservation (`DELETE /reservations/:id`): its units go back to stock, and its Idempotency-Key may
   * reserve anew. Emits once and completes. Not retried (a second release of a released reservation is a 404);
   * fails with kind `not-found` for a reservation unknown or released before.
   */
  release(reservationId: string): Observable<void> {
    return this.core
      // 204: no body to check.
      .call({ ...INVENTORY_SERVICE_CALLS.release(reservationId), schema: z.unknown() })
      .pipe(map(() => undefined));
  }

  /**
   * Confirms a reservation once its order has committed (`PUT /reservations/:id/confirmation`): emits the reservation
   * in state `confirmed` (or `shipped`, if it shipped already). Idempotent, so a caller may repeat it until it
   * succeeds; not retried by the client itself. A hold released before (it expired unconfirmed) is reserved again if
   * stock allows; else fails with kind `rejected`, status 409 and `providerCode` `HOLD_EXPIRED`. Kind `not-found` for
   * an unknown reservation.
   */
  confirm(reservationId: string): Observable<ReservationStatus> {
    return this.core.call({ ...INVENTORY_SERVICE_CALLS.confirm(reservationId), schema: ReservationStatusSchema }).pipe(map(({ data }) => data));
  }

  /**
   * Ships a confirmed reservation (`PUT /reservations/:id/shipment`): emits it in state `shipped`. Idempotent, so a
   * caller may repeat it until it succeeds; not retried by the client itself. Fails with kind `rejected`, status 409
   * and `providerCode` `RESERVATION_NOT_CONFIRMED` for one held or released; kind `not-found` for an unknown one.
   */
  ship(reservationId: string): Observable<ReservationStatus> {
    return this.core.call({ ...INVENTORY_SERVICE_CALLS.ship(reservationId), schema: ReservationStatusSchema }).pipe(map(({ data }) => data));
  }
}
