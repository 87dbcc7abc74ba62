import { FastifyAdapter } from '@nestjs/platform-fastify';
import { context } from '@opentelemetry/api';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { DEADLINE_HEADER, REQUEST_ID_HEADER } from '@boundary/http-conventions';
import { arrivalDeadline } from './deadline/arrival-deadline';
import { rememberBudget } from './deadline/request-budget';
import { problemBody } from './http-problem';
import { requestIdOf } from './logging/request-id';
import { RequestLineLogController } from './logging/request-line.log-controller';
import { serverSpanContext } from './tracing/server-span';
import type { ServiceLogger } from './logging/service-logger';
import { runWithRequestLogger } from './logging/service-logger.module';

/** Longest path parameter the router matches. Above the 128-character id limit so long ids get a clear 400. */
const MAX_PARAM_LENGTH = 16 * 1024;

/**
 * The HTTP platform of both services: Fastify (Express costs several times the CPU per request — see
 * bench/RESULTS.md). Errors the router raises before Nest sees the request (a malformed `%`-escape) answer
 * the same `{ error, code }` JSON as everything else. Each request's id is the caller's `x-request-id` when it
 * is a plain token, else a fresh UUID (`requestIdOf`), and every answer carries it back in `x-request-id`.
 * Requests Node's parser rejects before any routing (headers over 16 kB, malformed HTTP) get the same JSON shape.
 * With a `logger` (`createServiceLogger`), every request writes one line and Nest `Logger` lines written while
 * serving it carry its id; without one, the adapter logs nothing.
 *
 * A request's `x-deadline-ms` is read on arrival (`arrivalDeadline`): a malformed one is answered `400
 * INVALID_DEADLINE`, a budget already spent `503 DEADLINE_EXCEEDED`, both before any handler runs. Otherwise its
 * deadline is kept in the request's context beside its id (with a `logger`): `currentDeadlineAt()` reads it, and a
 * client given that as `deadlineAt` spends at most what is left on each outbound call. The request line logs the
 * budget received, as `budgetMs`. An answer sent after the listener closed (a request in flight at shutdown) closes
 * its connection. With OpenTelemetry registered (tracing.js), each request is served in its caller's trace context,
 * under a server span of its own when exporting (`serverSpanContext`).
 */
export function createServiceFastifyAdapter(options: { bodyLimit?: number; logger?: ServiceLogger } = {}): FastifyAdapter {
  const { logger } = options;
  const logController = logger ? new RequestLineLogController() : undefined;
  const adapter = new FastifyAdapter({
    ...(logger ? { loggerInstance: logger, logController } : {}),
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    clientErrorHandler: answerClientError,
    bodyLimit: options.bodyLimit,
    genReqId: requestIdOf,
    frameworkErrors: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
      reply.status(400).send({ error: `Bad request: ${error.message}`, code: 'BAD_REQUEST' });
    },
  });
  adapter.getInstance().addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    // Started before anything can answer, so a request refused here has its span too.
    const traceContext = serverSpanContext(request, reply.raw);
    const { budgetMs, deadlineAt, problem } = arrivalDeadline(request.headers[DEADLINE_HEADER]);
    // Answered here, before any handler could call anyone (Fastify: reply without calling `done`).
    if (problem) {
      reply.status(problem.status).send(problemBody(problem, request.params as Record<string, string> | undefined));
      return;
    }
    if (budgetMs !== undefined) rememberBudget(request, budgetMs);
    let serve = done;
    if (logController) {
      // Fastify's onRequestAbort misses a caller that hangs up after sending its body (the request has closed by
      // then); the response closing unfinished does not.
      reply.raw.once('close', () => {
        if (!reply.raw.writableFinished) logController.requestAborted(request);
      });
      serve = () => runWithRequestLogger(request.log as ServiceLogger, request.id, done, deadlineAt);
    }
    // The rest of the request (hooks, handler, its calls, its request line) runs in its trace context.
    if (traceContext) context.with(traceContext, serve);
    else serve();
  });
  const fastify = adapter.getInstance();
  // Draining on shutdown: a request that was in flight when the listener closed ends its keep-alive connection,
  // otherwise the idle connection would hold the shutdown until the client's keep-alive timeout.
  fastify.addHook('onSend', async (_request, reply) => {
    if (!fastify.server.listening) reply.header('Connection', 'close');
  });
  return adapter;
}

/** Node's HTTP parser refused the request (`clientError`): answer in the services' JSON shape, then close. */
function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) return;
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const reason = STATUS_CODES[status] ?? 'Bad Request';
  const body = JSON.stringify({ error: reason, code: reason.toUpperCase().replace(/\W+/g, '_') });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Connection: close\r\n\r\n${body}`,
  );
}
