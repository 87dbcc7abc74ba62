import {
  currentDeadlineAt,
  currentRequestId,
  LivenessModule,
  ReadinessModule,
  serviceLoggerModule,
  ConsumerGuard,
  type ServiceLogger,
} from '@boundary/service-kit';
import { Module, type DynamicModule } from '@nestjs/common';
import type { FulfilmentServiceConfig } from './config/fulfilment-service.config';
import { FulfilmentModule } from './fulfilment/fulfilment.module';
import { InventoryClientModule } from '@boundary/inventory-client';

/** What the Fulfilment Service runs on: its consumers' credentials and its logger. */
export interface FulfilmentServiceOptions extends Pick<FulfilmentServiceConfig, 'credentials' | 'inventoryClient'> {
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
        FulfilmentModule,
        LivenessModule,
        ReadinessModule.forRoot([]),
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
