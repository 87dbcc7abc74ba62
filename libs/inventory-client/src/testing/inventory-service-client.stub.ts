import { ItemSchema, ReservationSchema, type Item } from '@boundary/inventory-contract';
import { checkedFixture, ScriptedStub, type Script } from '@boundary/testing';
import type { Observable } from 'rxjs';
import type { InventoryServiceClient } from '../lib/inventory-service.client';
import type { MadeReservation } from '../lib/made-reservation';

const GET_ITEM = 'getItem';
const RESERVE = 'reserve';
const RELEASE = 'release';

/**
 * Stands in for the whole `InventoryServiceClient` (`overrideProvider(InventoryServiceClient).useValue(stub)`): cold
 * answers, a call history, and — strict — an `UnscriptedCallError` for a call no test scripted. Reservations are
 * scripted per item, releases per reservation id.
 */
export class InventoryServiceClientStub extends ScriptedStub implements Pick<InventoryServiceClient, keyof InventoryServiceClient> {
  constructor() {
    super({
      stub: 'InventoryServiceClientStub',
      keys: 'items and reservation ids',
      howToScript: 'stub.forItem(item).returns(...), stub.forReservation(item).returns(...) or stub.forRelease(id).returns()',
    });
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

  /** The items reserved, in call order (each with its arguments in `history`). */
  get reservedItems(): string[] {
    return this.keysOf(RESERVE);
  }

  /** The reservation ids released, in call order. */
  get releasedReservations(): string[] {
    return this.keysOf(RELEASE);
  }

  getItem(item: string): Observable<Item> {
    return this.play(GET_ITEM, item);
  }

  reserve(...args: Parameters<InventoryServiceClient['reserve']>): Observable<MadeReservation> {
    return this.play(RESERVE, args[0].item, args);
  }

  release(reservationId: string): Observable<void> {
    return this.play(RELEASE, reservationId);
  }
}
