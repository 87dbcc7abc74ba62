import { clientModule, type ClientOptions } from '@boundary/client-core';
import { InventoryServiceClient } from './inventory-service.client';

/**
 * How `InventoryServiceClient` reaches the Inventory Service: the client core's options (only `baseUrl` and `timeoutMs` are
 * required; defaults in `CLIENT_POLICY_DEFAULTS`).
 */
export type InventoryClientOptions = ClientOptions;

/**
 * Provides `InventoryServiceClient`. Configure it with `InventoryClientModule.forRoot({ baseUrl, timeoutMs })` or
 * `forRootAsync({ useFactory, inject })` when the options come from configuration. Tests replace its `HttpService`
 * with `overrideProvider(HttpService)`, or the whole client with `overrideProvider(InventoryServiceClient)`.
 */
export class InventoryClientModule extends clientModule(InventoryServiceClient) {}
