import type { ClientErrors, FailureContext } from '@boundary/client-core';
import { ErrorBodySchema } from '@boundary/order-contract';
import { InventoryServiceError } from './inventory-service.error';

/** The context, with the `code` of the Inventory Service's error body when it sent one that keeps the contract. */
const answered = (context: FailureContext) => {
  const body = ErrorBodySchema.safeParse(context.answerBody);
  return body.success ? { ...context, providerCode: body.data.code } : context;
};

/** How the client core's failures become `InventoryServiceError`s. */
export const INVENTORY_SERVICE_ERRORS: ClientErrors = {
  notFound: (context) => new InventoryServiceError('not-found', 'answered 404', answered(context), 404),
  unavailable: (context, status) =>
    new InventoryServiceError('unavailable', status === undefined ? 'unreachable' : `answered ${status}`, answered(context), status),
  timeout: (context, timeoutMs) => new InventoryServiceError('timeout', `did not answer within ${timeoutMs} ms`, context),
  badResponse: (context, reason) => new InventoryServiceError('bad-response', `answered off-contract (${reason})`, context),
  rejected: (context, status) => new InventoryServiceError('rejected', `rejected the call with ${status}`, answered(context), status),
  circuitOpen: (context, retryAfterMs) =>
    new InventoryServiceError('circuit-open', `is failing: circuit open, next try in ${retryAfterMs} ms`, context),
};
