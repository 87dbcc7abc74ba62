import { DEMO_ITEM, ItemSchema, ReservationSchema, type Item, type Reservation } from '@boundary/inventory-contract';
import { checkedFixture } from '@boundary/testing';

/**
 * One item's stock that satisfies the contract, with `overrides` applied. Throws `OffContractFixtureError` naming
 * the field if the overrides break the contract (`anItem({ in_stock: -1 })` fails at once).
 */
export function anItem(overrides: Partial<Item> = {}): Item {
  return checkedFixture(ItemSchema, { ...DEMO_ITEM, ...overrides }, {
    what: 'item',
    schemaName: 'ItemSchema in @boundary/inventory-contract',
  });
}

/** One reservation that satisfies the contract (one unit of the demo item), with `overrides` applied. */
export function aReservation(overrides: Partial<Reservation> = {}): Reservation {
  return checkedFixture(
    ReservationSchema,
    { reservation_id: 'res_00000000-0000-4000-8000-000000000001', item: DEMO_ITEM.item, quantity: 1, ...overrides },
    { what: 'reservation', schemaName: 'ReservationSchema in @boundary/inventory-contract' },
  );
}
