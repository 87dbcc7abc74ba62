import { Module, type DynamicModule } from '@nestjs/common';
import type { ServiceDatabaseLocation } from '@boundary/service-kit/database';
import { openInventoryDatabase } from './open-inventory-database';
import { InventoryDatabase } from './inventory-database';

/** Provides the open, migrated {@link InventoryDatabase} to the whole app; start-up fails if it cannot be opened. */
@Module({})
export class InventoryDatabaseModule {
  static forRoot(options: ServiceDatabaseLocation): DynamicModule {
    return {
      module: InventoryDatabaseModule,
      global: true,
      providers: [{ provide: InventoryDatabase, useFactory: () => openInventoryDatabase(options) }],
      exports: [InventoryDatabase],
    };
  }
}
