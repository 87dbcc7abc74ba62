import type { ClientOptions } from '@boundary/client-core';

/**
 * How `OrderServiceClient` reaches the Order Service: the client core's options (only `baseUrl` and `timeoutMs`
 * are required; defaults in `CLIENT_POLICY_DEFAULTS`).
 */
export type OrderClientOptions = ClientOptions;
