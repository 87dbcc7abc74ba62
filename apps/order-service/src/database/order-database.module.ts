import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceDatabaseLocation } from '@boundary/service-kit/database';
import { openOrderDatabase } from './open-order-database';
import { OrderDatabase } from './order-database';

/** Provides the open, migrated {@link OrderDatabase} to the whole app; start-up fails if it cannot be opened. */
@Module({})
export class OrderDatabaseModule {
  static forRoot(options: ServiceDatabaseLocation): DynamicModule {
    return {
      module: OrderDatabaseModule,
      global: true,
      providers: [{ provide: OrderDatabase, useFactory: () => openOrderDatabase(options) }],
      exports: [OrderDatabase],
    };
  }
}
