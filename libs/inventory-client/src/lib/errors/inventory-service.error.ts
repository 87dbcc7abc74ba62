import { describeResource, ProviderCallError, type ProviderCallErrorOptions, type ProviderFailureKind } from '@boundary/client-core';

/**
 * Every failure of a call to the Inventory Service: `kind` says what went wrong, `code` is
 * `INVENTORY_SERVICE_<KIND>` (e.g. `INVENTORY_SERVICE_NOT_FOUND`), `resource` names the call, `status` is the upstream
 * HTTP status when there was one.
 */
export class InventoryServiceError extends ProviderCallError {
  readonly code: string;

  constructor(
    readonly kind: ProviderFailureKind,
    what: string,
    options: ProviderCallErrorOptions = {},
    readonly status?: number,
  ) {
    super(`Inventory Service ${what}${options.resource ? ` for ${describeResource(options.resource)}` : ''}`, options);
    this.code = `INVENTORY_SERVICE_${kind.toUpperCase().replace('-', '_')}`;
  }
}
