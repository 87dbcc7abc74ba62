import type { InventoryDatabase } from '../database/inventory-database';
import { openInventoryDatabase } from '../database/open-inventory-database';
import { DrizzleInventoryRepository } from '../inventory/drizzle-inventory.repository';
import { DrizzleReservationLifecycleRepository } from '../reservations/drizzle-reservation-lifecycle.repository';
import type { TestBackend, TestDatabase } from './test-databases';

/** The inventory's database and both its repositories, as one test file uses them. */
export interface InventoryRepositories {
  database: InventoryDatabase;
  inventory: DrizzleInventoryRepository;
  lifecycle: DrizzleReservationLifecycleRepository;
}

/**
 * A fresh database of `backend` with both repositories on it: `open()` in `beforeAll`, `close()` (closes and removes
 * it) in `afterAll`.
 */
export function repositoriesOn(backend: TestBackend): { open(): Promise<InventoryRepositories>; close(): Promise<void> } {
  let testDatabase: TestDatabase | undefined;
  let database: InventoryDatabase | undefined;
  return {
    async open() {
      testDatabase = await backend.create();
      database = await openInventoryDatabase(testDatabase.options());
      return { database, inventory: new DrizzleInventoryRepository(database), lifecycle: new DrizzleReservationLifecycleRepository(database) };
    },
    async close() {
      await database?.close();
      await testDatabase?.drop();
    },
  };
}
