import type { OrderClientTransportOptions } from './transport/order-client-transport.options';

/** How `OrderServiceClient` reaches the Order Service. */
export interface OrderClientOptions extends OrderClientTransportOptions {
  /** Base URL of the Order Service, e.g. `http://localhost:5001` (a trailing slash is ignored). */
  baseUrl: string;
  /** How long one call may take before it fails with `OrderServiceTimeoutError`, in milliseconds. */
  timeoutMs: number;
}
