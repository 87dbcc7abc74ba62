import { ServiceDatabase, type ServiceDb } from '@boundary/service-kit/database';
import type { inventoryServiceSchema } from './inventory-service.schema';

/** Drizzle over either driver: the repository is written once for PostgreSQL and PGlite. */
export type InventoryDb = ServiceDb<typeof inventoryServiceSchema>;

/** The Inventory Service's open, migrated database (the injection token of its repository and readiness check). */
export class InventoryDatabase extends ServiceDatabase<InventoryDb> {}
