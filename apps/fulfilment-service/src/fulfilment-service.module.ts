import {
  currentDeadlineAt,
  currentRequestId,
  LivenessModule,
  ReadinessModule,
  serviceLoggerModule,
  TracingShutdownModule,
  ConsumerGuard,
  type ServiceLogger,
} from '@boundary/service-kit';
import { Module, type DynamicModule } from '@nestjs/common';
import type { FulfilmentServiceConfig } from './config/fulfilment-service.config';
import type { ServiceDatabaseLocation } from '@boundary/service-kit/database';
import { FulfilmentDatabase } from './database/fulfilment-database';
import { FulfilmentDatabaseModule } from './database/fulfilment-database.module';
import { FulfilmentModule } from './fulfilment/fulfilment.module';
import { InventoryClientModule } from '@boundary/inventory-client';

/** What the Fulfilment Service runs on: its database, its consumers' credentials and its logger. */
export interface FulfilmentServiceOptions extends Pick<FulfilmentServiceConfig, 'credentials' | 'inventoryClient'> {
  /** Opened and migrated before the app starts; start-up fails if it cannot be. */
  database: ServiceDatabaseLocation;
  /** `createServiceLogger`'s logger, also handed to the app's Fastify adapter. */
  logger: ServiceLogger;
}

/**
 * The Fulfilment Service's root module, as main.ts and the tests start it: its API behind the consumer guard
 * (each caller known by its credential; open to every call when `options.credentials.open`), with JSON logs through `options.logger`.
 */
@Module({})
export class FulfilmentServiceModule {
  static forRoot(options: FulfilmentServiceOptions): DynamicModule {
    return {
      module: FulfilmentServiceModule,
      imports: [
        serviceLoggerModule(options.logger),
        TracingShutdownModule,
        FulfilmentDatabaseModule.forRoot(options.database),
        FulfilmentModule,
        LivenessModule,
        ReadinessModule.forRoot([{ name: 'database', probe: FulfilmentDatabase }]),
        InventoryClientModule.forRoot({
          ...options.inventoryClient,
          requestId: currentRequestId,
          // What is left of the budget of the request being served bounds each inventory call.
          deadlineAt: currentDeadlineAt,
          isGlobal: true,
        }),
      ],
      providers: [ConsumerGuard.provide(options.credentials)],
    };
  }
}
