import {
  LivenessModule,
  ReadinessModule,
  serviceLoggerModule,
  TracingShutdownModule,
  ConsumerGuard,
  type ServiceLogger,
} from '@boundary/service-kit';
import { Module, type DynamicModule } from '@nestjs/common';
import type { InventoryServiceConfig } from './config/inventory-service.config';
import type { ServiceDatabaseLocation } from '@boundary/service-kit/database';
import { InventoryDatabase } from './database/inventory-database';
import { InventoryDatabaseModule } from './database/inventory-database.module';
import { InventoryModule } from './inventory/inventory.module';

/** What the Inventory Service runs on: its database, its consumers' credentials and its logger. */
export interface InventoryServiceOptions extends Pick<InventoryServiceConfig, 'credentials' | 'reservations'> {
  /** Opened and migrated before the app starts; start-up fails if it cannot be. */
  database: ServiceDatabaseLocation;
  /** `createServiceLogger`'s logger, also handed to the app's Fastify adapter. */
  logger: ServiceLogger;
}

/**
 * The Inventory Service's root module, as main.ts and the tests start it: its API behind the consumer guard
 * (each caller known by its credential; open to every call when `options.credentials.open`), with JSON logs through `options.logger`.
 */
@Module({})
export class InventoryServiceModule {
  static forRoot(options: InventoryServiceOptions): DynamicModule {
    return {
      module: InventoryServiceModule,
      imports: [
        serviceLoggerModule(options.logger),
        TracingShutdownModule,
        InventoryDatabaseModule.forRoot(options.database),
        InventoryModule.forRoot(options.reservations),
        LivenessModule,
        ReadinessModule.forRoot([{ name: 'database', probe: InventoryDatabase }]),
      ],
      providers: [ConsumerGuard.provide(options.credentials)],
    };
  }
}
