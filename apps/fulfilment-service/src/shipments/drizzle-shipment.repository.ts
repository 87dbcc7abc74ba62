import type { OrderPlacedEvent } from '@boundary/order-events-contract';
import { Injectable } from '@nestjs/common';
import { count, eq } from 'drizzle-orm';
import { FulfilmentDatabase } from '../database/fulfilment-database';
import { shipments } from '../database/fulfilment-service.schema';
import { ShipmentRepository, type Shipment } from './shipment.repository';

const wireShipment = {
  order_id: shipments.orderId,
  user_id: shipments.userId,
  item: shipments.item,
  quantity: shipments.quantity,
  reservation_id: shipments.reservationId,
};

/** Shipments in PostgreSQL or PGlite through Drizzle. */
@Injectable()
export class DrizzleShipmentRepository extends ShipmentRepository {
  constructor(private readonly database: FulfilmentDatabase) {
    super();
  }

  async recordShipment(event: OrderPlacedEvent): Promise<boolean> {
    const inserted = await this.database.db
      .insert(shipments)
      .values({
        orderId: event.order_id,
        userId: event.user_id,
        item: event.item,
        quantity: event.quantity,
        reservationId: event.reservation_id,
        placedAt: new Date(event.placed_at),
      })
      .onConflictDoNothing({ target: shipments.orderId })
      .returning({ orderId: shipments.orderId });
    return inserted.length > 0;
  }

  async findShipment(orderId: string): Promise<Shipment | undefined> {
    const [shipment] = await this.database.db.select(wireShipment).from(shipments).where(eq(shipments.orderId, orderId));
    return shipment;
  }

  async countShipments(): Promise<number> {
    const [{ n }] = await this.database.db.select({ n: count() }).from(shipments);
    return n;
  }
}
