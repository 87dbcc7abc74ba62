// The light half first: everything a plain Nest app may also take from `@boundary/service-kit/http`.
export * from './http';
// The Fastify service's half: adapter, logging, health, OpenAPI.
export * from './lib/health/liveness.module';
export * from './lib/service-fastify.adapter';
export * from './lib/logging/service-logger.module';
export * from './lib/logging/service-logger';
export * from './lib/logging/log-level';
export * from './lib/logging/trace-log-fields';
export * from './lib/tracing/tracer-provider-shutdown';
export * from './lib/tracing/tracing-shutdown.module';
export * from './lib/open-api';
export * from './lib/api-error-responses';
export * from './lib/health/readiness.module';
export * from './lib/health/shutdown-drain';
export * from './lib/health/graceful-shutdown';
export * from './lib/database/database-unavailable.error';
export * from './lib/database/service-database.config';
export * from './lib/api-idempotent-create';
export * from './lib/messaging/rabbitmq.config';
