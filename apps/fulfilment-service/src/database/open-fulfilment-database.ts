import { openServiceDatabase, type ServiceDatabaseLocation } from '@boundary/service-kit/database';
import { FulfilmentDatabase } from './fulfilment-database';
import { fulfilmentServiceSchema } from './fulfilment-service.schema';

/**
 * Opens the configured database and applies pending migrations; the journal stays in the service's own schema.
 * Throws `DatabaseUnavailableError` naming the server (never the password) when PostgreSQL cannot be reached.
 */
export function openFulfilmentDatabase(location: ServiceDatabaseLocation): Promise<FulfilmentDatabase> {
  return openServiceDatabase(location, {
    database: FulfilmentDatabase,
    schema: fulfilmentServiceSchema,
    migrationLock: 'fulfilment-service migrations',
    migrationsSchema: 'fulfilment',
  });
}
