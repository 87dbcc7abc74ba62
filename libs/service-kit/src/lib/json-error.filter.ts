import { HttpAdapterHost } from '@nestjs/core';
import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import { problemBody, type HttpProblem } from './http-problem';

/** Maps an application error to its answer, or returns `undefined` to leave it to the default handling. */
export type ProblemMapper = (error: unknown) => HttpProblem | undefined;

interface HttpRequestLike {
  params?: Record<string, string | undefined>;
}

/**
 * The one place an app turns errors into HTTP answers. Every error answer is JSON `{ error, code, user_id? }`
 * (`user_id` from the route's `:userId` when there is one); nothing internal — stack, cause, SQL — leaks.
 * Unexpected errors answer `500` and are logged once, with their stack, on the server side only.
 */
@Catch()
export class JsonErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(JsonErrorFilter.name);

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly mapProblem: ProblemMapper = () => undefined,
  ) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<HttpRequestLike>();
    const problem = this.mapProblem(error) ?? this.fromHttpException(error) ?? this.unexpected(error);
    const body = problemBody(problem, request.params);
    const response = http.getResponse();
    for (const [name, value] of Object.entries(problem.headers ?? {})) {
      this.adapterHost.httpAdapter.setHeader(response, name, value);
    }
    this.adapterHost.httpAdapter.reply(response, body, problem.status);
  }

  private fromHttpException(error: unknown): HttpProblem | undefined {
    if (!(error instanceof HttpException)) return undefined;
    const status = error.getStatus();
    const response = error.getResponse();
    if (typeof response === 'object' && response !== null && 'error' in response && 'code' in response) {
      return { status, error: String(response.error), code: String(response.code) };
    }
    return { status, error: error.message, code: codeFor(status) };
  }

  private unexpected(error: unknown): HttpProblem {
    this.logger.error('Unhandled error', error instanceof Error ? error.stack : String(error));
    return { status: HttpStatus.INTERNAL_SERVER_ERROR, error: 'Internal server error', code: 'INTERNAL_ERROR' };
  }
}

function codeFor(status: number): string {
  const name = HttpStatus[status];
  return typeof name === 'string' ? name : `HTTP_${status}`;
}
