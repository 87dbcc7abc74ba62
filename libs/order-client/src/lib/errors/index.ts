export * from './order-service.error';
export * from './order-service-not-found.error';
export * from './order-service-unavailable.error';
export * from './order-service-timeout.error';
export * from './order-service-bad-response.error';
export * from './order-service-rejected.error';
export * from './order-service-circuit-open.error';
export * from './order-service.errors';
