export * from './lib/http-problem';
export * from './lib/json-error.filter';
export * from './lib/zod-validation.pipe';
export * from './lib/health/liveness.module';
export * from './lib/service-fastify.adapter';
export * from './lib/open-api';
export * from './lib/parse-env';
