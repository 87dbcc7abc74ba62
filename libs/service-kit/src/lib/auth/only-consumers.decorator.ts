import { SetMetadata } from '@nestjs/common';

/** The metadata key of {@link OnlyConsumers}: the consumers a handler or controller is kept for. */
export const ONLY_CONSUMERS = 'boundary:only-consumers';

/**
 * Keeps a handler (or every handler of a controller) for the named consumers: another known consumer gets `403
 * FORBIDDEN_CONSUMER` from the `ConsumerGuard`. E.g. `@OnlyConsumers('order-service')` on the reservations: only the
 * Order Service may reserve stock. Names are Nx project names, as in the provider's accepted sets.
 */
export const OnlyConsumers = (...consumers: string[]) => SetMetadata(ONLY_CONSUMERS, consumers);
