import { describeResource, ProviderCallError, type ProviderCallErrorOptions, type ProviderFailureKind } from '@boundary/client-core';

/**
 * Every failure of a call to the Inventory Service: `kind` says what went wrong, `code` is
 * `INVENTORY_SERVICE_<KIND>` (e.g. `INVENTORY_SERVICE_NOT_FOUND`), `resource` names the call, `status` is the upstream
 * HTTP status when there was one, and `providerCode` the `code` of the Inventory Service's error body when it sent one
 * (e.g. `OUT_OF_STOCK`).
 */
export class InventoryServiceError extends ProviderCallError {
  readonly code: string;
  declare readonly providerCode?: string;

  constructor(
    readonly kind: ProviderFailureKind,
    what: string,
    options: ProviderCallErrorOptions & { providerCode?: string } = {},
    readonly status?: number,
  ) {
    super(`Inventory Service ${what}${options.resource ? ` for ${describeResource(options.resource)}` : ''}`, options);
    this.code = `INVENTORY_SERVICE_${kind.toUpperCase().replace('-', '_')}`;
    if (options.providerCode !== undefined) Object.defineProperty(this, 'providerCode', { value: options.providerCode, enumerable: true });
  }
}
