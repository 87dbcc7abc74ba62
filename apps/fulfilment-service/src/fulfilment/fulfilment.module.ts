import { Module } from '@nestjs/common';
import { DrizzleShipmentRepository } from '../shipments/drizzle-shipment.repository';
import { OrdersPlacedConsumer } from '../shipments/orders-placed.consumer';
import { ReservationShipping, SHIPPING_RETRY_DEFAULTS } from '../shipments/reservation-shipping';
import { SHIPPING_RETRY } from '../shipments/shipments.tokens';
import { ShipmentRepository } from '../shipments/shipment.repository';

/** The Fulfilment Service's handlers: the `orders.placed` consumer, on `ShipmentRepository` and `ReservationShipping`. */
@Module({
  controllers: [OrdersPlacedConsumer],
  providers: [
    { provide: ShipmentRepository, useClass: DrizzleShipmentRepository },
    { provide: SHIPPING_RETRY, useValue: SHIPPING_RETRY_DEFAULTS },
    ReservationShipping,
  ],
})
export class FulfilmentModule {}
