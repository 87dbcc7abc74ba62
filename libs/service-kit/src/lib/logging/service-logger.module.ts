import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { storage, Store } from 'nestjs-pino/storage';
import type { ServiceLogger } from './service-logger';

/** The log binding that carries the request id on every line written while serving a request. */
export const REQUEST_ID_LOG_KEY = 'reqId';

/**
 * What is known of the request being served, in its async context: its logger (which nestjs-pino's `Logger` reads),
 * its id, and when its caller stops waiting (`deadlineAt`, `Date.now()` time, when it came with `x-deadline-ms`).
 */
export class RequestLogStore extends Store {
  constructor(
    logger: ServiceLogger,
    readonly requestId: string,
    readonly deadlineAt?: number,
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

/** Runs `next` with `logger` as the logger of the request `requestId` (due by `deadlineAt`) for everything it starts. */
export function runWithRequestLogger(logger: ServiceLogger, requestId: string, next: () => void, deadlineAt?: number): void {
  storage.run(new RequestLogStore(logger, requestId, deadlineAt), next);
}

/** The id of the request being served in the current async context, if any. */
export function currentRequestId(): string | undefined {
  const store = storage.getStore();
  return store instanceof RequestLogStore ? store.requestId : undefined;
}

/**
 * When the caller of the request being served stops waiting for it (`Date.now()` time: its arrival plus its
 * `x-deadline-ms`, less `DEADLINE_MARGIN_MS`), if it came with one. Give it to a client as its `deadlineAt` option and
 * every outbound call of the request gets at most what is left.
 */
export function currentDeadlineAt(): number | undefined {
  const store = storage.getStore();
  return store instanceof RequestLogStore ? store.deadlineAt : undefined;
}
