import { ItemSchema, type Item } from '@boundary/inventory-contract';
import { checkedFixture } from '@boundary/testing';

/**
 * One item that satisfies the contract, with `overrides` applied. Throws `OffContractFixtureError` naming the
 * field if the overrides break the contract (`aItem({ name: '' })` fails at once).
 */
export function aItem(overrides: Partial<Item> = {}): Item {
  return checkedFixture(ItemSchema, { id: 'item-001', name: 'Demo item', ...overrides }, {
    what: 'item',
    schemaName: 'ItemSchema in @boundary/inventory-contract',
  });
}
