/** The `ClientProxy` the outbox relay publishes through (`ClientRMQ` in the app, a double in tests). */
export const ORDER_EVENTS_CLIENT = Symbol('ORDER_EVENTS_CLIENT');

/** The relay's {@link OutboxRelayOptions}. */
export const OUTBOX_RELAY_OPTIONS = Symbol('OUTBOX_RELAY_OPTIONS');
