import { openServiceDatabase, type ServiceDatabaseLocation } from '@boundary/service-kit/database';
import { seedDemoStock } from './demo-seed';
import { InventoryDatabase } from './inventory-database';
import { inventoryServiceSchema } from './inventory-service.schema';

/**
 * Opens the configured database, applies pending migrations and, if asked, the demo stock. Throws
 * `DatabaseUnavailableError` naming the server (never the password) when PostgreSQL cannot be reached; a migration
 * that fails rejects with its error. Drizzle's migration journal stays in the service's own schema, apart from other
 * services' on a shared database; the migration lock is derived from the service's name.
 */
export function openInventoryDatabase(location: ServiceDatabaseLocation): Promise<InventoryDatabase> {
  return openServiceDatabase(location, {
    database: InventoryDatabase,
    schema: inventoryServiceSchema,
    migrationLock: 'inventory-service migrations',
    migrationsSchema: 'inventory',
    seed: seedDemoStock,
  });
}
