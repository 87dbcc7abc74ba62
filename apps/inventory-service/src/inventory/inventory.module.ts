import { Module } from '@nestjs/common';
import { ItemsController } from '../items/items.controller';
import { InMemoryItemRepository } from '../items/in-memory-item.repository';
import { ItemRepository } from '../items/item.repository';
import { ReservationsController } from '../reservations/reservations.controller';
import { DrizzleInventoryRepository } from './drizzle-inventory.repository';
import { InventoryRepository } from './inventory.repository';

/** The Inventory Service's API: its controllers, on `InventoryRepository`. */
@Module({
  controllers: [ReservationsController, ItemsController],
  providers: [
    { provide: InventoryRepository, useClass: DrizzleInventoryRepository },
    { provide: ItemRepository, useClass: InMemoryItemRepository },
  ],
})
export class InventoryModule {}
