/**
 * The caller's remaining budget for one attempt of a request, in whole milliseconds (`x-deadline-ms: 850`): after it
 * the caller has given up and will never see the answer. A provider that cannot finish within it must not commit
 * work for it — e.g. a reservation whose transaction waited past it rolls back instead of holding stock for an order
 * that was never written. Deadline propagation, as gRPC's `grpc-timeout`.
 */
export const DEADLINE_HEADER = 'x-deadline-ms';
