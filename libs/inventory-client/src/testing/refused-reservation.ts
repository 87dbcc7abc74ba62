import { INVENTORY_ROUTES } from '@boundary/inventory-contract';
import { InventoryServiceError } from '../lib/errors/inventory-service.error';

/**
 * The error `reserve` fails with when the Inventory Service refuses a reservation with `status` and its error
 * body's `code` (`409 OUT_OF_STOCK`, `422 UNKNOWN_ITEM`, `409 IDEMPOTENCY_KEY_REUSED`), as the real client builds it.
 */
export function refusedReservation(status: 409 | 422, providerCode: string): InventoryServiceError {
  return new InventoryServiceError(
    'rejected',
    `rejected the call with ${status}`,
    { providerCode, resource: { method: 'POST', path: INVENTORY_ROUTES.reservations, params: {} } },
    status,
  );
}
