import { ORDER_PLACED, OrderPlacedEventSchema, type OrderPlacedEvent } from '@boundary/order-events-contract';
import { Controller, Logger, UseInterceptors } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { MessageSchemaPipe, RmqAckInterceptor } from '@boundary/service-kit/messaging';
import { ShipmentRepository } from './shipment.repository';

/** Consumes `orders.placed`: one shipment per order, however often the event is delivered. */
@Controller()
@UseInterceptors(RmqAckInterceptor)
export class OrdersPlacedConsumer {
  private readonly logger = new Logger(OrdersPlacedConsumer.name);

  constructor(private readonly shipments: ShipmentRepository) {}

  @EventPattern(ORDER_PLACED)
  async onOrderPlaced(@Payload(new MessageSchemaPipe(ORDER_PLACED, OrderPlacedEventSchema)) event: OrderPlacedEvent): Promise<void> {
    const recorded = await this.shipments.recordShipment(event);
    this.logger.log(recorded ? `Shipment recorded for order ${event.order_id}` : `Order ${event.order_id} already has its shipment`);
  }
}
