import pino, { type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './log-level';
import { traceLogFields } from './trace-log-fields';

/** The pino logger a service writes every JSON line through: its Fastify adapter's and Nest's. */
export type ServiceLogger = Logger;

/** How a service logs. */
export interface ServiceLoggerOptions {
  level: LogLevel;
  /** Where JSON lines go; standard output when omitted. Tests pass a stream to read them. */
  destination?: DestinationStream;
}

/**
 * A service's one logger, handed to both `createServiceFastifyAdapter({ logger })` (request lines, request ids)
 * and `serviceLoggerModule(logger)` (Nest's `Logger`).
 */
export function createServiceLogger(options: ServiceLoggerOptions): ServiceLogger {
  return pino(
    {
      level: options.level,
      // trace_id and span_id of the active span, if any (OpenTelemetry), beside the request id.
      mixin: traceLogFields,
      // Whatever logs a request or an answer writes these fields only: no headers (so no `Authorization`), no bodies.
      serializers: {
        req: (req: { id?: unknown; method?: string; url?: string }) => ({ id: req.id, method: req.method, url: req.url }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
      // Belt and braces: should a header ever be logged, its secret is not.
      redact: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization'],
    },
    // Synchronous standard output by default: Nest re-raises SIGTERM after its shutdown hooks, and lines still
    // buffered then (e.g. "database closed") would be lost.
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}
