import { Module } from '@nestjs/common';
import { DrizzleShipmentRepository } from '../shipments/drizzle-shipment.repository';
import { OrdersPlacedConsumer } from '../shipments/orders-placed.consumer';
import { ShipmentRepository } from '../shipments/shipment.repository';

/** The Fulfilment Service's handlers: the `orders.placed` consumer, on `ShipmentRepository`. */
@Module({
  controllers: [OrdersPlacedConsumer],
  providers: [{ provide: ShipmentRepository, useClass: DrizzleShipmentRepository }],
})
export class FulfilmentModule {}
