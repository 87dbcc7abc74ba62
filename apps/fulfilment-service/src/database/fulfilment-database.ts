import { ServiceDatabase, type ServiceDb } from '@boundary/service-kit/database';
import type { fulfilmentServiceSchema } from './fulfilment-service.schema';

/** Drizzle over either driver: the repository is written once for PostgreSQL and PGlite. */
export type FulfilmentDb = ServiceDb<typeof fulfilmentServiceSchema>;

/** The Fulfilment Service's open, migrated database (the injection token of its repository and readiness check). */
export class FulfilmentDatabase extends ServiceDatabase<FulfilmentDb> {}
