/** The `ShippingRetry` policy of `ReservationShipping`. */
export const SHIPPING_RETRY = Symbol('SHIPPING_RETRY');
