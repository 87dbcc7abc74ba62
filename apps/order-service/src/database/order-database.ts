import { ServiceDatabase, type ServiceDb } from '@boundary/service-kit/database';
import type { orderServiceSchema } from './order-service.schema';

/** Drizzle over either driver: the repository is written once for PostgreSQL and PGlite. */
export type OrderDb = ServiceDb<typeof orderServiceSchema>;

/** The Order Service's open, migrated database (the injection token of its repository and readiness check). */
export class OrderDatabase extends ServiceDatabase<OrderDb> {}
