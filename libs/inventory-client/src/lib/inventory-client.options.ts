import type { ClientOptions } from '@boundary/client-core';

/**
 * How `InventoryServiceClient` reaches the Inventory Service: the client core's options (only `baseUrl` and
 * `timeoutMs` are required; defaults in `CLIENT_POLICY_DEFAULTS`).
 */
export type InventoryClientOptions = ClientOptions;
