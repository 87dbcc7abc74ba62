/** How `OrderServiceClient` reaches the Order Service. */
export interface OrderClientOptions {
  /** Base URL of the Order Service, e.g. `http://localhost:5001` (a trailing slash is ignored). */
  baseUrl: string;
  /** How long one call may take before it fails with `OrderServiceTimeoutError`, in milliseconds. */
  timeoutMs: number;
}
