import type { FastifyReply, FastifyRequest } from 'fastify';
import { LogController } from 'fastify';

/**
 * Fastify's request logging cut to one line per request, written when the answer is sent: method, URL, status and
 * time only — no headers (so no `Authorization`), no bodies. Fastify tags it, like every line of the request,
 * with the request id (`reqId`).
 */
export class RequestLineLogController extends LogController {
  override incomingRequest(): void {
    // One line per request is enough: the completed line says everything the incoming one would.
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    // A response stream that failed keeps Fastify's own error line.
    if (error) return super.requestCompleted(error, request, reply);
    // The logger's serializers keep method, URL, id and status of these (createServiceLogger).
    request.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}
