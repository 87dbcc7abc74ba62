import { ORDER_PLACED, OrderPlacedEventSchema, type OrderPlacedEvent } from '@boundary/order-events-contract';
import { Controller, Logger, UseInterceptors } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { MessageSchemaPipe, RmqAckInterceptor } from '@boundary/service-kit/messaging';
import { ReservationShipping } from './reservation-shipping';
import { ShipmentRepository } from './shipment.repository';

/**
 * Consumes `orders.placed`: ships the order's reservation at the Inventory Service, then records one shipment per
 * order, however often the event is delivered (both steps are idempotent). An inventory that cannot ship (after
 * `ReservationShipping`'s retries) fails the handler, so the message is requeued, and dead-lettered once it has
 * failed past the queue's delivery limit.
 */
@Controller()
@UseInterceptors(RmqAckInterceptor)
export class OrdersPlacedConsumer {
  private readonly logger = new Logger(OrdersPlacedConsumer.name);

  constructor(
    private readonly shipments: ShipmentRepository,
    private readonly shipping: ReservationShipping,
  ) {}

  @EventPattern(ORDER_PLACED)
  async onOrderPlaced(@Payload(new MessageSchemaPipe(ORDER_PLACED, OrderPlacedEventSchema)) event: OrderPlacedEvent): Promise<void> {
    // The units first: a shipment recorded here is one whose units have left the inventory's stock.
    await this.shipping.ship(event.reservation_id);
    const recorded = await this.shipments.recordShipment(event);
    this.logger.log(recorded ? `Shipment recorded for order ${event.order_id}` : `Order ${event.order_id} already has its shipment`);
  }
}
