import { Module, type DynamicModule } from '@nestjs/common';
import type { ReservationHoldOptions } from '../config/inventory-service.config';
import { ItemsController } from '../items/items.controller';
import { DrizzleReservationLifecycleRepository } from '../reservations/drizzle-reservation-lifecycle.repository';
import { HoldReaper } from '../reservations/hold-reaper';
import { ReservationLifecycleController } from '../reservations/reservation-lifecycle.controller';
import { ReservationLifecycleRepository } from '../reservations/reservation-lifecycle.repository';
import { ReservationsController } from '../reservations/reservations.controller';
import { RESERVATION_HOLD_OPTIONS } from '../reservations/reservations.tokens';
import { DrizzleInventoryRepository } from './drizzle-inventory.repository';
import { InventoryRepository } from './inventory.repository';

/** The Inventory Service's API: its controllers on its repositories, and the reaper of holds never confirmed. */
@Module({})
export class InventoryModule {
  static forRoot(holds: ReservationHoldOptions): DynamicModule {
    return {
      module: InventoryModule,
      controllers: [ReservationsController, ReservationLifecycleController, ItemsController],
      providers: [
        { provide: InventoryRepository, useClass: DrizzleInventoryRepository },
        { provide: ReservationLifecycleRepository, useClass: DrizzleReservationLifecycleRepository },
        { provide: RESERVATION_HOLD_OPTIONS, useValue: holds },
        HoldReaper,
      ],
    };
  }
}
