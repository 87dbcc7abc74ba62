// `@boundary/service-kit/http`: what a plain Nest app (Express or Fastify) needs at its HTTP edge — validation,
// the service-token guard, the JSON error filter and its problems, configuration parsing, deadlines and idempotency
// keys. It loads neither Fastify, Terminus, Swagger nor nestjs-pino; the main entry point re-exports all of it.
export * from './lib/http-problem';
export * from './lib/json-error.filter';
export * from './lib/zod-validation.pipe';
export * from './lib/auth/service-token.guard';
export * from './lib/parse-env';
export * from './lib/logging/request-id';
export * from './lib/idempotency/idempotency-key-reused.error';
export * from './lib/idempotency/parse-idempotency-key';
export * from './lib/deadline/request-deadline';
export * from './lib/deadline/arrival-deadline';
export * from './lib/deadline/deadline-exceeded.error';
