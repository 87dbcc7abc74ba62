import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { storage } from 'nestjs-pino/storage';
import { destination as pinoDestination, type DestinationStream } from 'pino';
import { requestIdOf } from './request-id';

/** The log binding that carries the request id on every line written while serving a request. */
export const REQUEST_ID_LOG_KEY = 'reqId';

/** The levels a service's `LOG_LEVEL` may name: pino's, and `silent`. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** How a service logs. */
export interface ServiceLoggerOptions {
  level: LogLevel;
  /** Where JSON lines go; standard output when omitted. Tests pass a stream to read them. */
  destination?: DestinationStream;
}

/**
 * Structured JSON logs (nestjs-pino) for a service: one line per request and every Nest `Logger` line written
 * while serving it carry `reqId` — the request's id (`requestIdOf`; on Fastify the adapter assigns it and echoes
 * it in the answer's `x-request-id`). Request lines hold method, URL and status only: no headers (so no
 * `Authorization`), no bodies. Use with `app.useLogger(app.get(Logger))` in main.ts.
 */
export function serviceLoggerModule(options: ServiceLoggerOptions): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: [
      {
        level: options.level,
        quietReqLogger: true,
        customAttributeKeys: { reqId: REQUEST_ID_LOG_KEY },
        genReqId: requestIdOf,
        serializers: {
          req: (req: { id?: unknown; method?: string; url?: string }) => ({ id: req.id, method: req.method, url: req.url }),
          res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
        },
        // Belt and braces: should a header ever be logged, its secret is not.
        redact: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization'],
      },
      // Synchronous standard output by default: Nest re-raises SIGTERM after its shutdown hooks, and lines still
      // buffered then (e.g. "database closed") would be lost.
      options.destination ?? pinoDestination({ dest: 1, sync: true }),
    ] as never,
  });
}

/** The id of the request being served in the current async context, if any. */
export function currentRequestId(): string | undefined {
  const id = storage.getStore()?.logger.bindings()[REQUEST_ID_LOG_KEY];
  return typeof id === 'string' ? id : undefined;
}
