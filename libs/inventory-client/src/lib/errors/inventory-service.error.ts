import { ProviderCallError } from '@boundary/client-core';

/**
 * Every failure of a call to the Inventory Service, built by the client core: `kind` says what went wrong, `code` is
 * `INVENTORY_SERVICE_<KIND>` (e.g. `INVENTORY_SERVICE_NOT_FOUND`), `resource` names the call, `status` is the upstream
 * HTTP status when there was one, and `providerCode` the `code` of the Inventory Service's error body when it sent one
 * (e.g. `OUT_OF_STOCK`). See `ProviderCallError` for the rest.
 */
export class InventoryServiceError extends ProviderCallError {}
