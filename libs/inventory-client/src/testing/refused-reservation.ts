import { InventoryServiceError } from '../lib/errors/inventory-service.error';
import { INVENTORY_SERVICE_CALLS } from '../lib/inventory-service.calls';

/**
 * The error `reserve` fails with when the Inventory Service refuses a reservation with `status` and its error
 * body's `code` (`409 OUT_OF_STOCK`, `422 UNKNOWN_ITEM`, `409 IDEMPOTENCY_KEY_REUSED`), as the client core builds it.
 */
export function refusedReservation(status: 409 | 422, providerCode: string): InventoryServiceError {
  return new InventoryServiceError({
    kind: 'rejected',
    resource: INVENTORY_SERVICE_CALLS.reserve(),
    status,
    providerCode,
  });
}
