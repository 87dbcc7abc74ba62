import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { REQUEST_ID_HEADER, requestIdOf } from './logging/request-id';

/** Longest path parameter the router matches. Above the 128-character id limit so long ids get a clear 400. */
const MAX_PARAM_LENGTH = 16 * 1024;

/**
 * The HTTP platform of both services: Fastify (Express costs several times the CPU per request — see
 * bench/RESULTS.md). Errors the router raises before Nest sees the request (a malformed `%`-escape) answer
 * the same `{ error, code }` JSON as everything else. Each request's id is the caller's `x-request-id` when it
 * is a plain token, else a fresh UUID (`requestIdOf`), and every answer carries it back in `x-request-id`.
 */
export function createServiceFastifyAdapter(options: { bodyLimit?: number } = {}): FastifyAdapter {
  const adapter = new FastifyAdapter({
    maxParamLength: MAX_PARAM_LENGTH,
    bodyLimit: options.bodyLimit,
    genReqId: requestIdOf,
    frameworkErrors: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
      reply.status(400).send({ error: `Bad request: ${error.message}`, code: 'BAD_REQUEST' });
    },
  });
  adapter.getInstance().addHook('onRequest', (request, reply, done) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  return adapter;
}
