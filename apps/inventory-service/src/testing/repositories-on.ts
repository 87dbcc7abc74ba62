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
 * Registers, for the enclosing `describe`, a fresh database of `backend` opened before its tests (handed to `opened`)
 * and closed and removed after them.
 */
export function repositoriesOn(backend: TestBackend, opened: (repositories: InventoryRepositories) => void): void {
  let testDatabase: TestDatabase | undefined;
  let database: InventoryDatabase | undefined;
  beforeAll(async () => {
    testDatabase = await backend.create();
    database = await openInventoryDatabase(testDatabase.options());
    opened({ database, inventory: new DrizzleInventoryRepository(database), lifecycle: new DrizzleReservationLifecycleRepository(database) });
  });
  afterAll(async () => {
    await database?.close();
    await testDatabase?.drop();
  });
}
