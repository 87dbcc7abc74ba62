import type { Item } from '@boundary/inventory-contract';
import { Injectable } from '@nestjs/common';
import { ItemRepository } from './item.repository';

/**
 * `ItemRepository` in the process's memory, filled by `save` (the provider states use it). Generated as a
 * starting point: replace it with a real query (and the provider states' seeding with inserts through it).
 */
@Injectable()
export class InMemoryItemRepository extends ItemRepository {
  private readonly items = new Map<string, Item>();

  async findItem(itemId: string): Promise<Item | undefined> {
    return this.items.get(itemId);
  }

  /** Stores `item` under its id, replacing one with the same id. */
  async save(item: Item): Promise<void> {
    this.items.set(item.id, { ...item });
  }

  /** Forgets every item. */
  async clear(): Promise<void> {
    this.items.clear();
  }
}
