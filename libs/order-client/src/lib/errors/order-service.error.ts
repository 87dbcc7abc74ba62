import { ProviderCallError } from '@boundary/client-core';

/**
 * Every failure of a call to the Order Service, built by the client core: `kind` says what went wrong, `code` is
 * `ORDER_SERVICE_<KIND>` (e.g. `ORDER_SERVICE_TIMEOUT`), `resource` names the call with its parameters
 * (`resource.params.userId` for a user's history, `resource.params.orderId` for one order), `status` is the upstream
 * HTTP status when there was an answer, and `providerCode` the `code` of the Order Service's error body (e.g.
 * `INVALID_CURSOR`, `OUT_OF_STOCK`, `INVENTORY_UNAVAILABLE`). See `ProviderCallError` for the rest.
 */
export class OrderServiceError extends ProviderCallError {}
