import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { storage, Store } from 'nestjs-pino/storage';
import type { ServiceLogger } from './service-logger';

/** The log binding that carries the request id on every line written while serving a request. */
export const REQUEST_ID_LOG_KEY = 'reqId';

/** What nestjs-pino's `Logger` reads while a request is served: the request's logger, and its id. */
export class RequestLogStore extends Store {
  constructor(
    logger: ServiceLogger,
    readonly requestId: string,
  ) {
    super(logger);
  }
}

/**
 * Nest's `Logger` (nestjs-pino) on the service's logger: lines written while serving a request carry its `reqId`
 * (the Fastify adapter puts the request's logger in scope, see `createServiceFastifyAdapter`), other lines go to
 * `logger` itself. Use with `app.useLogger(app.get(Logger))` in main.ts.
 *
 * Request lines come from Fastify, not from nestjs-pino's pino-http middleware: the middleware (with the Nest
 * middleware layer it needs) cost more CPU per request than the rest of a request's path (bench/RESULTS.md).
 */
export function serviceLoggerModule(logger: ServiceLogger): DynamicModule {
  return LoggerModule.forRoot({ pinoHttp: { logger }, useExisting: true, forRoutes: [] });
}

/** Runs `next` with `logger` as the logger of the request `requestId` for everything it starts. */
export function runWithRequestLogger(logger: ServiceLogger, requestId: string, next: () => void): void {
  storage.run(new RequestLogStore(logger, requestId), next);
}

/** The id of the request being served in the current async context, if any. */
export function currentRequestId(): string | undefined {
  const store = storage.getStore();
  return store instanceof RequestLogStore ? store.requestId : undefined;
}
