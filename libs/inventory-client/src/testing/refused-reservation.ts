import { INVENTORY_ROUTES } from '@boundary/inventory-contract';
import { INVENTORY_SERVICE_ERRORS } from '../lib/errors/inventory-service.errors';
import type { InventoryServiceError } from '../lib/errors/inventory-service.error';

/**
 * The error `reserve` fails with when the Inventory Service refuses a reservation with `status` and its error
 * body's `code` (`409 OUT_OF_STOCK`, `422 UNKNOWN_ITEM`, `409 IDEMPOTENCY_KEY_REUSED`): built by the real client's own
 * factory from such an answer, so the stub's errors cannot drift from the client's.
 */
export function refusedReservation(status: 409 | 422, providerCode: string): InventoryServiceError {
  return INVENTORY_SERVICE_ERRORS.rejected(
    {
      resource: { method: 'POST', path: INVENTORY_ROUTES.reservations, params: {} },
      answerBody: { error: `refused with ${providerCode}`, code: providerCode },
    },
    status,
  ) as InventoryServiceError;
}
