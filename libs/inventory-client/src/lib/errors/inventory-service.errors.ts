import type { ClientErrors } from '@boundary/client-core';
import { InventoryServiceError } from './inventory-service.error';

/** How the client core's failures become `InventoryServiceError`s. */
export const INVENTORY_SERVICE_ERRORS: ClientErrors = {
  notFound: (context) => new InventoryServiceError('not-found', 'answered 404', context, 404),
  unavailable: (context, status) =>
    new InventoryServiceError('unavailable', status === undefined ? 'unreachable' : `answered ${status}`, context, status),
  timeout: (context, timeoutMs) => new InventoryServiceError('timeout', `did not answer within ${timeoutMs} ms`, context),
  badResponse: (context, reason) => new InventoryServiceError('bad-response', `answered off-contract (${reason})`, context),
  rejected: (context, status) => new InventoryServiceError('rejected', `rejected the call with ${status}`, context, status),
  circuitOpen: (context, retryAfterMs) =>
    new InventoryServiceError('circuit-open', `is failing: circuit open, next try in ${retryAfterMs} ms`, context),
};
