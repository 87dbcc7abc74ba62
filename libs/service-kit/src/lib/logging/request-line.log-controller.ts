import type { FastifyReply, FastifyRequest } from 'fastify';
import { LogController } from 'fastify';
import { consumerOf } from '../auth/request-consumer';
import { budgetOf } from '../deadline/request-budget';
import { REQUEST_ID_LOG_KEY } from './service-logger.module';

/**
 * Fastify's request logging cut to one line per request, written when the answer is sent (or, `request aborted`, when
 * the caller hangs up first): method, URL, status, time
 * the caller's budget (`budgetMs`, when it sent `x-deadline-ms`) and the consumer its credential named (`consumer`,
 * behind a `ConsumerGuard`) only — no headers (so no `Authorization`), no bodies. Fastify tags it, like every line of the request,
 * with the request id (`REQUEST_ID_LOG_KEY`).
 */
export class RequestLineLogController extends LogController {
  constructor() {
    super({ requestIdLogLabel: REQUEST_ID_LOG_KEY });
  }

  override incomingRequest(): void {
    // One line per request is enough: the completed line says everything the incoming one would.
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    // A response stream that failed keeps Fastify's own error line.
    if (error) return super.requestCompleted(error, request, reply);
    // The logger's serializers keep method, URL, id and status of these (createServiceLogger). The budget the caller
    // gave (x-deadline-ms, as a number) shows how deadlines shrink along the chain.
    // The consumer its credential named (never the credential) says who called.
    request.log.info(
      { req: request, res: reply, responseTime: reply.elapsedTime, budgetMs: budgetOf(request), consumer: consumerOf(request) },
      'request completed',
    );
  }

  /**
   * The line of a request whose caller closed the connection before the answer (e.g. its deadline passed): Fastify
   * then never completes it, so without this it would leave no line at all. Called by the adapter when the response
   * closes unfinished.
   */
  requestAborted(request: FastifyRequest): void {
    if (this.isLogDisabled(request)) return;
    request.log.info({ req: request, budgetMs: budgetOf(request), consumer: consumerOf(request) }, 'request aborted');
  }
}
