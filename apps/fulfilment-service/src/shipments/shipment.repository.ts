import type { OrderPlacedEvent } from '@boundary/order-events-contract';

/** One shipment as the service records it: the order it ships. */
export interface Shipment {
  order_id: string;
  user_id: string;
  item: string;
  quantity: number;
  reservation_id: string;
}

/** Where the Fulfilment Service keeps shipments; the consumer depends on this abstraction only. */
export abstract class ShipmentRepository {
  /**
   * Records the shipment of the order `event` announces. Idempotent: `false`, and nothing written, when the order
   * already has its shipment (a repeated delivery).
   */
  abstract recordShipment(event: OrderPlacedEvent): Promise<boolean>;

  /** The order's shipment, or `undefined`. */
  abstract findShipment(orderId: string): Promise<Shipment | undefined>;

  /** How many shipments are recorded (for tests and operators). */
  abstract countShipments(): Promise<number>;
}
