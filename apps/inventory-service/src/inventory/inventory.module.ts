import { Module } from '@nestjs/common';
import { DrizzleInventoryRepository } from './drizzle-inventory.repository';
import { InventoryRepository } from './inventory.repository';

/** The Inventory Service's API: its controllers, on `InventoryRepository`. */
@Module({
  controllers: [],
  providers: [{ provide: InventoryRepository, useClass: DrizzleInventoryRepository }],
})
export class InventoryModule {}
