import { ItemSchema, type Item } from '@boundary/inventory-contract';
import { checkedFixture, ScriptedStub, type Script } from '@boundary/testing';
import type { Observable } from 'rxjs';
import type { InventoryServiceClient } from '../lib/inventory-service.client';

const GET_ITEM = 'getItem';

/**
 * Stands in for the whole `InventoryServiceClient` (`overrideProvider(InventoryServiceClient).useValue(stub)`): cold
 * answers, a call history, and — strict — an `UnscriptedCallError` for a call no test scripted.
 */
export class InventoryServiceClientStub extends ScriptedStub implements Pick<InventoryServiceClient, keyof InventoryServiceClient> {
  constructor() {
    super({ stub: 'InventoryServiceClientStub', keys: 'item ids', howToScript: 'stub.forItem(id).returns(...)' });
  }

  /** Scripts `getItem(itemId)`; `returns` checks the item against `ItemSchema` at setup. */
  forItem(itemId: string): Script<Item, this> {
    return this.script<Item, this>(GET_ITEM, itemId, this, (value) =>
      checkedFixture(ItemSchema, value, { what: 'item' }),
    );
  }

  getItem(itemId: string): Observable<Item> {
    return this.play(GET_ITEM, itemId);
  }
}
