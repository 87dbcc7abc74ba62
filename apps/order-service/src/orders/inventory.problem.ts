import { InventoryServiceError } from '@boundary/inventory-client';
import { INVENTORY_ERROR_CODES } from '@boundary/inventory-contract';
import { ORDER_PLACEMENT_REFUSALS } from '@boundary/order-contract';
import { acceptedTokensVariable, type HttpProblem } from '@boundary/service-kit';
import { Logger } from '@nestjs/common';

const logger = new Logger('InventoryProblem');

/**
 * The Inventory Service's failures as the Order Service's answers to `POST /orders` (nothing was written or reserved):
 *
 * | failure                                   | status | code                   |
 * |-------------------------------------------|--------|------------------------|
 * | rejected 409 `OUT_OF_STOCK`               | 409    | OUT_OF_STOCK           |
 * | rejected 422 `UNKNOWN_ITEM`               | 422    | UNKNOWN_ITEM           |
 * | rejected 409 `IDEMPOTENCY_KEY_REUSED`     | 409    | IDEMPOTENCY_KEY_REUSED |
 * | anything else: unreachable, 5xx, past its deadline, circuit open, off-contract, another 4xx | 503 | INVENTORY_UNAVAILABLE |
 *
 * The caller's own refusals are not logged; every other failure is, once (a 401/403 as a configuration error).
 */
export function inventoryProblem(error: unknown): HttpProblem | undefined {
  if (!(error instanceof InventoryServiceError)) return undefined;
  if (error.kind === 'rejected') {
    if (error.status === 409 && error.providerCode === INVENTORY_ERROR_CODES.outOfStock) {
      return { ...ORDER_PLACEMENT_REFUSALS.outOfStock };
    }
    if (error.status === 422 && error.providerCode === INVENTORY_ERROR_CODES.unknownItem) {
      return { ...ORDER_PLACEMENT_REFUSALS.unknownItem };
    }
    if (error.status === 409 && error.providerCode === INVENTORY_ERROR_CODES.idempotencyKeyReused) {
      return { status: 409, error: 'Idempotency-Key was used before for another order', code: INVENTORY_ERROR_CODES.idempotencyKeyReused };
    }
  }
  if (error.status === 401 || error.status === 403) {
    logger.error(
      `Configuration error: the Inventory Service refused this service's credentials (${error.status}); ` +
        `check that INVENTORY_SERVICE_TOKEN is in the Inventory Service's ${acceptedTokensVariable('inventory-service', 'order-service')}`,
    );
  } else {
    logger.warn(`${error.code}: ${error.message}`);
  }
  return { ...ORDER_PLACEMENT_REFUSALS.inventoryUnavailable };
}
