import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceDatabaseLocation } from '@boundary/service-kit/database';
import { FulfilmentDatabase } from './fulfilment-database';
import { openFulfilmentDatabase } from './open-fulfilment-database';

/** Provides the open, migrated {@link FulfilmentDatabase} to the whole app; start-up fails if it cannot be opened. */
@Module({})
export class FulfilmentDatabaseModule {
  static forRoot(options: ServiceDatabaseLocation): DynamicModule {
    return {
      module: FulfilmentDatabaseModule,
      global: true,
      providers: [{ provide: FulfilmentDatabase, useFactory: () => openFulfilmentDatabase(options) }],
      exports: [FulfilmentDatabase],
    };
  }
}
