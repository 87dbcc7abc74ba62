/**
 * The Inventory Service's routes as path templates, written once: its client fills them in
 * (`@boundary/client-core`), its controllers take them through `nestRoute`.
 */
export const INVENTORY_ROUTES = {
  /** One item's stock. */
  item: '/items/{itemId}',
  /** One item's units by reservation state: available, held, confirmed, shipped and received (their sum). */
  itemUnits: '/items/{itemId}/units',
  /** Where reservations are made (`POST`, idempotent with an `Idempotency-Key`). */
  reservations: '/reservations',
  /** One reservation: `DELETE` releases it. */
  reservation: '/reservations/{reservationId}',
  /** `PUT` confirms a reservation (held → confirmed), idempotent: the Order Service, once the order has committed. */
  reservationConfirmation: '/reservations/{reservationId}/confirmation',
  /** `PUT` ships a confirmed reservation (confirmed → shipped), idempotent: the Fulfilment Service. */
  reservationShipment: '/reservations/{reservationId}/shipment',
} as const;
