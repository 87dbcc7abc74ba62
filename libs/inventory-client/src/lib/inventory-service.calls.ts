import { INVENTORY_ROUTES } from '@boundary/inventory-contract';

/**
 * The resources `InventoryServiceClient`'s methods call, written once: the client sends them, its errors name them
 * (`error.resource`), and the stub's errors name the same ones.
 */
export const INVENTORY_SERVICE_CALLS = {
  item: (itemId: string) => ({ method: 'GET', path: INVENTORY_ROUTES.item, params: { itemId } }) as const,
  reserve: () => ({ method: 'POST', path: INVENTORY_ROUTES.reservations, params: {} }) as const,
  release: (reservationId: string) => ({ method: 'DELETE', path: INVENTORY_ROUTES.reservation, params: { reservationId } }) as const,
  confirm: (reservationId: string) => ({ method: 'PUT', path: INVENTORY_ROUTES.reservationConfirmation, params: { reservationId } }) as const,
  ship: (reservationId: string) => ({ method: 'PUT', path: INVENTORY_ROUTES.reservationShipment, params: { reservationId } }) as const,
};
