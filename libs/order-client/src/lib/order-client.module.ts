import { clientModule, type ClientOptions } from '@boundary/client-core';
import { OrderServiceClient } from './order-service.client';

/**
 * How `OrderServiceClient` reaches the Order Service: the client core's options (only `baseUrl` and `timeoutMs` are
 * required; defaults in `CLIENT_POLICY_DEFAULTS`).
 */
export type OrderClientOptions = ClientOptions;

/**
 * Provides `OrderServiceClient`. Configure it with `OrderClientModule.forRoot({ baseUrl, timeoutMs })` or
 * `forRootAsync({ useFactory, inject })` when the options come from configuration. Tests replace its `HttpService`
 * with `overrideProvider(HttpService)`, or the whole client with `overrideProvider(OrderServiceClient)`.
 */
export class OrderClientModule extends clientModule(OrderServiceClient) {}
