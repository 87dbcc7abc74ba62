/**
 * The Inventory Service's routes as path templates, written once: its client fills them in
 * (`@boundary/client-core`), its controllers take them through `nestRoute`.
 */
export const INVENTORY_ROUTES = {
  /** One item's stock. */
  item: '/items/{itemId}',
  /** Where reservations are made (`POST`, idempotent with an `Idempotency-Key`). */
  reservations: '/reservations',
  /** One reservation: `DELETE` releases it. */
  reservation: '/reservations/{reservationId}',
} as const;
