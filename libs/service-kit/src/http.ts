// `@boundary/service-kit/http`: what a plain Nest app (Express or Fastify) needs at its HTTP edge — validation,
// the service-token and consumer guards, the JSON error filter and its problems, configuration parsing, deadlines and idempotency
// keys. It loads neither Fastify, Terminus, Swagger nor nestjs-pino; the main entry point re-exports all of it.
export * from './lib/http-problem';
export * from './lib/json-error.filter';
export * from './lib/zod-validation.pipe';
export * from './lib/auth/service-token.guard';
export * from './lib/auth/consumer.guard';
export * from './lib/auth/consumer-credentials';
export * from './lib/auth/consumer-credentials.env';
export * from './lib/auth/credential-variables';
export * from './lib/auth/service-token.schema';
export * from './lib/auth/only-consumers.decorator';
export * from './lib/parse-env';
export * from './lib/logging/request-id';
export * from './lib/idempotency/idempotency-key-reused.error';
export * from './lib/idempotency/parse-idempotency-key';
export * from './lib/deadline/request-deadline';
export * from './lib/deadline/arrival-deadline';
export * from './lib/deadline/deadline-exceeded.error';
