import type { CalledResource } from '@boundary/client-core';
import {
  INVENTORY_ERROR_CODES,
  ItemSchema,
  ReservationSchema,
  ReservationStatusSchema,
  type Item,
  type ReservationStatus,
} from '@boundary/inventory-contract';
import { checkedFixture, ScriptedStub, type Script, type ScriptedStubOptions } from '@boundary/testing';
import { defer, of, throwError, type Observable } from 'rxjs';
import type { InventoryServiceClient } from '../lib/inventory-service.client';
import type { MadeReservation } from '../lib/made-reservation';
import { InventoryServiceError } from '../lib/errors/inventory-service.error';
import { INVENTORY_SERVICE_CALLS } from '../lib/inventory-service.calls';
import { refusedReservation } from './refused-reservation';

const GET_ITEM = 'getItem';
const RESERVE = 'reserve';
const RELEASE = 'release';
const CONFIRM = 'confirm';
const SHIP = 'ship';

/**
 * Stands in for the whole `InventoryServiceClient` (`overrideProvider(InventoryServiceClient).useValue(stub)`): cold
 * answers, a call history, and — strict — an `UnscriptedCallError` for a call no test scripted. Reservations are
 * scripted per item, releases per reservation id.
 */
export class InventoryServiceClientStub extends ScriptedStub implements Pick<InventoryServiceClient, keyof InventoryServiceClient> {
  /** Items a test stocked with `stocks()`: units left, and the reservation each Idempotency-Key made. */
  private readonly stocked = new Map<string, { left: number; byKey: Map<string, MadeReservation['reservation']> }>();
  /** The reservations `stocks()` made and not released yet, by id, with their key. */
  private readonly held = new Map<string, { reservation: MadeReservation['reservation']; key: string }>();
  /** Every reservation this stub made, by id, and where it is in its lifecycle: `confirm` and `ship` move it. */
  private readonly lifecycle = new Map<string, ReservationStatus>();
  /** Reservations this stub has made, by `stocks()` or `everythingInStock()`: the next id's number. */
  private reservationCount = 0;
  /** Set by `isDown()`: every call fails as a refused connection would. */
  private down = false;

  constructor(options: ScriptedStubOptions = {}) {
    super(
      {
        stub: 'InventoryServiceClientStub',
        keys: 'items and reservation ids',
        howToScript:
          'stub.forItem(item).returns(...), stub.forReservation(item).returns(...), stub.forRelease(id).returns(), stub.forConfirmation(id).returns(...) or stub.forShipment(id).returns(...)',
      },
      options,
    );
  }

  /**
   * A stub for a test that says it does not care about stock: every reservation it did not script is made (one new
   * reservation per call) and every release goes through. Not strict — use it only where a test says so.
   */
  static everythingInStock(): InventoryServiceClientStub {
    const stub: InventoryServiceClientStub = new InventoryServiceClientStub({
      strict: false,
      fallback: ({ method, args }) => {
        if (method !== RESERVE) return of(undefined);
        const [{ item, quantity }] = args as Parameters<InventoryServiceClient['reserve']>;
        const reservation = ReservationSchema.parse({ reservation_id: reservationId(++stub.reservationCount), item, quantity });
        stub.lifecycle.set(reservation.reservation_id, { ...reservation, state: 'held' });
        return of({ reservation, created: true });
      },
    });
    return stub;
  }

  /** Scripts `getItem(item)`; `returns` checks the stock against `ItemSchema` at setup. */
  forItem(item: string): Script<Item, this> {
    return this.script<Item, this>(GET_ITEM, item, this, (value) => checkedFixture(ItemSchema, value, { what: 'item' }));
  }

  /** Scripts `reserve({ item, … })`; `returns` checks the reservation against `ReservationSchema` at setup. */
  forReservation(item: string): Script<MadeReservation, this> {
    return this.script<MadeReservation, this>(RESERVE, item, this, ({ reservation, created }) => ({
      reservation: checkedFixture(ReservationSchema, reservation, { what: 'reservation' }),
      created,
    }));
  }

  /** Scripts `release(reservationId)`: `returns()` for a release that went through. */
  forRelease(reservationId: string): Script<void, this> {
    return this.script<void, this>(RELEASE, reservationId, this);
  }

  /** Scripts `confirm(reservationId)`; `returns` checks the answer against `ReservationStatusSchema` at setup. */
  forConfirmation(reservationId: string): Script<ReservationStatus, this> {
    return this.script<ReservationStatus, this>(CONFIRM, reservationId, this, (value) =>
      checkedFixture(ReservationStatusSchema, value, { what: 'reservation status' }),
    );
  }

  /** Scripts `ship(reservationId)`; `returns` checks the answer against `ReservationStatusSchema` at setup. */
  forShipment(reservationId: string): Script<ReservationStatus, this> {
    return this.script<ReservationStatus, this>(SHIP, reservationId, this, (value) =>
      checkedFixture(ReservationStatusSchema, value, { what: 'reservation status' }),
    );
  }

  /**
   * Answers every reservation of `item` as an inventory holding `count` units would: made while units are left (each
   * taking its quantity; a repeat of an Idempotency-Key answers its first reservation, `created: false`), else
   * `OUT_OF_STOCK`; a release of one of them puts its units back and frees its key. Only the items a test names are
   * stocked: any other stays unscripted (strict). Every reservation the stub makes follows its lifecycle: `confirm`
   * moves it from held to confirmed, `ship` from confirmed to shipped (a held one is refused `409
   * RESERVATION_NOT_CONFIRMED`), each answering a repeat as it is.
   */
  stocks(item: string, count: number): this {
    this.stocked.set(item, { left: count, byKey: new Map() });
    return this;
  }

  /**
   * The Inventory Service is down: every call, scripted or not, fails as the real client fails on a refused
   * connection (`kind: 'unavailable'`). Undone by `reset()`.
   */
  isDown(): this {
    this.down = true;
    return this;
  }

  /** Forgets scripts, calls, stock and `isDown()`, for a stub shared by the tests of a file. */
  override reset(): void {
    super.reset();
    this.stocked.clear();
    this.held.clear();
    this.lifecycle.clear();
    this.down = false;
  }

  /** What is left of an item a test stocked with `stocks()`. */
  unitsLeft(item: string): number | undefined {
    return this.stocked.get(item)?.left;
  }

  /** The items reserved, in call order (each with its arguments in `history`). */
  get reservedItems(): string[] {
    return this.keysOf(RESERVE);
  }

  /** The reservation ids released, in call order. */
  get releasedReservations(): string[] {
    return this.keysOf(RELEASE);
  }

  /** The reservation ids `confirm` was called with, in call order. */
  get confirmedReservations(): string[] {
    return this.keysOf(CONFIRM);
  }

  /** The reservation ids `ship` was called with, in call order. */
  get shippedReservations(): string[] {
    return this.keysOf(SHIP);
  }

  getItem(item: string): Observable<Item> {
    return this.down ? this.unreachable(GET_ITEM, item, [item], INVENTORY_SERVICE_CALLS.item(item)) : this.play(GET_ITEM, item);
  }

  reserve(...args: Parameters<InventoryServiceClient['reserve']>): Observable<MadeReservation> {
    const [{ item, quantity }, { idempotencyKey }] = args;
    if (this.down) return this.unreachable(RESERVE, item, args, INVENTORY_SERVICE_CALLS.reserve());
    const stock = this.stocked.get(item);
    if (stock === undefined || this.isScripted(RESERVE, item)) return this.play(RESERVE, item, args);
    this.record(RESERVE, item, args);
    return defer(() => {
      const earlier = stock.byKey.get(idempotencyKey);
      if (earlier) return of({ reservation: { ...earlier }, created: false });
      if (stock.left < quantity) return throwError(() => refusedReservation(409, 'OUT_OF_STOCK'));
      stock.left -= quantity;
      const reservation = ReservationSchema.parse({ reservation_id: reservationId(++this.reservationCount), item, quantity });
      stock.byKey.set(idempotencyKey, reservation);
      this.held.set(reservation.reservation_id, { reservation, key: idempotencyKey });
      this.lifecycle.set(reservation.reservation_id, { ...reservation, state: 'held' });
      return of({ reservation: { ...reservation }, created: true });
    });
  }

  /** A reservation `stocks()` made goes back to stock, once, and frees its key, as the Inventory Service does. */
  release(reservationId: string): Observable<void> {
    if (this.down) return this.unreachable(RELEASE, reservationId, [reservationId], INVENTORY_SERVICE_CALLS.release(reservationId));
    const held = this.held.get(reservationId);
    if (held === undefined || this.isScripted(RELEASE, reservationId)) return this.play(RELEASE, reservationId);
    this.record(RELEASE, reservationId, [reservationId]);
    return defer(() => {
      const status = this.lifecycle.get(reservationId);
      if (status !== undefined) status.state = 'released';
      if (this.held.delete(reservationId)) {
        const stock = this.stocked.get(held.reservation.item);
        if (stock !== undefined) {
          stock.left += held.reservation.quantity;
          stock.byKey.delete(held.key);
        }
      }
      return of(undefined);
    });
  }

  /** A reservation this stub made moves held → confirmed (a repeat answers as it is); any other plays its script. */
  confirm(reservationId: string): Observable<ReservationStatus> {
    return this.move(CONFIRM, reservationId, INVENTORY_SERVICE_CALLS.confirm(reservationId), (status) =>
      status.state === 'held' ? 'confirmed' : status.state,
    );
  }

  /** A confirmed reservation this stub made moves to shipped; a held or released one is refused as the service does. */
  ship(reservationId: string): Observable<ReservationStatus> {
    return this.move(SHIP, reservationId, INVENTORY_SERVICE_CALLS.ship(reservationId), (status) => {
      if (status.state === 'confirmed' || status.state === 'shipped') return 'shipped';
      throw new InventoryServiceError({
        kind: 'rejected',
        resource: INVENTORY_SERVICE_CALLS.ship(reservationId),
        status: 409,
        providerCode: INVENTORY_ERROR_CODES.reservationNotConfirmed,
      });
    });
  }

  private move(
    method: string,
    reservationId: string,
    resource: CalledResource,
    next: (status: ReservationStatus) => ReservationStatus['state'],
  ): Observable<ReservationStatus> {
    if (this.down) return this.unreachable(method, reservationId, [reservationId], resource);
    const status = this.lifecycle.get(reservationId);
    if (status === undefined || this.isScripted(method, reservationId)) return this.play(method, reservationId);
    this.record(method, reservationId, [reservationId]);
    return defer(() => {
      status.state = next(status);
      return of({ ...status });
    });
  }

  /** Records the call and fails it as the real client fails when the connection to `resource` is refused. */
  private unreachable<T>(method: string, key: string, args: readonly unknown[], resource: CalledResource): Observable<T> {
    this.record(method, key, args);
    return throwError(() => new InventoryServiceError({ kind: 'unavailable', resource }));
  }
}

/** The `n`th reservation id a stocked item hands out: `res_` and a UUID-shaped counter. */
function reservationId(n: number): string {
  return `res_00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}
