import { openServiceDatabase, type ServiceDatabaseLocation } from '@boundary/service-kit/database';
import { seedDemoData } from './demo-seed';
import { migrationFailed } from './migration-failed.error';
import { OrderDatabase } from './order-database';
import { orderServiceSchema } from './order-service.schema';

// Any constant: instances starting together take turns migrating instead of racing on CREATE TABLE.
const MIGRATION_LOCK_ID = 4_004_001;

/**
 * Opens the configured database, applies pending migrations and, if asked, the demo seed. Throws
 * `DatabaseUnavailableError` naming the server (never the password) when PostgreSQL cannot be reached, and
 * `MigrationFailedError` — naming the constraint when existing rows break one — when a migration fails (then none
 * is applied).
 */
export function openOrderDatabase(location: ServiceDatabaseLocation): Promise<OrderDatabase> {
  return openServiceDatabase(location, {
    database: OrderDatabase,
    schema: orderServiceSchema,
    migrationLock: MIGRATION_LOCK_ID,
    migrationFailed,
    seed: seedDemoData,
  });
}
