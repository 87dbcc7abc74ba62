import { Module } from '@nestjs/common';
import { ItemsController } from '../items/items.controller';
import { ReservationsController } from '../reservations/reservations.controller';
import { DrizzleInventoryRepository } from './drizzle-inventory.repository';
import { InventoryRepository } from './inventory.repository';

/** The Inventory Service's API: its controllers, on `InventoryRepository`. */
@Module({
  controllers: [ReservationsController, ItemsController],
  providers: [{ provide: InventoryRepository, useClass: DrizzleInventoryRepository }],
})
export class InventoryModule {}
