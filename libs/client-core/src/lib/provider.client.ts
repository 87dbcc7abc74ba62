import type { HttpService } from '@nestjs/axios';
import { Logger } from '@nestjs/common';
import { context } from '@opentelemetry/api';
import {
  DEADLINE_HEADER,
  errorCodeOf,
  expandPath,
  IDEMPOTENCY_KEY_HEADER,
  REQUEST_ID_HEADER,
  UnsendablePathParameterError,
} from '@boundary/http-conventions';
import { AxiosError, type AxiosRequestConfig, type AxiosResponse } from 'axios';
import { type Observable, throwError } from 'rxjs';
import type { z } from 'zod';
import type { CalledResource } from './called-resource';
import { resolveClientPolicy, type ClientOptions } from './client.options';
import { ProviderCallError, type ProviderFailure } from './errors/provider-call.error';
import { ClientPolicy } from './policy/client.policy';
import { CircuitOpenError, DeadlineExceededError, PolicyTimeoutError } from './policy/policy-outcomes';
import type { ProviderRequest, ProviderResponse } from './provider-request';
import { firstValueUntilAborted, settledObservable } from './settled-observable';
import { CallSpan } from './tracing/call-span';

/** A client library's error class: `ProviderCallError` or the library's one subclass of it. */
export type ProviderErrorClass = new (failure: ProviderFailure) => ProviderCallError;

/**
 * The one call path of every client built on the core: a request described as data goes out through
 * `@nestjs/axios` `HttpService` under the client's policies (`ClientPolicy`) and comes back as a schema-checked
 * `ProviderResponse`, or fails with a `ProviderCallError` of the client library's class, whose kind, status and
 * provider code the core decides here. A client library wraps one of these and spends a few lines per method.
 */
export class ProviderClient {
  private readonly logger: Logger;
  private readonly baseUrl: string;
  private readonly policy: ClientPolicy;
  private readonly maxResponseBytes: number;
  private readonly maxRequestBytes: number;
  private readonly timeoutMs: number;
  private readonly attemptTimeoutMs: number;

  /**
   * `errorClass` is the class every failure is built as (e.g. `OrderServiceError`); `name` labels the client's log
   * lines, e.g. `OrderServiceClient`.
   */
  constructor(
    private readonly http: HttpService,
    private readonly options: ClientOptions,
    private readonly errorClass: ProviderErrorClass,
    private readonly name = ProviderClient.name,
  ) {
    this.logger = new Logger(name);
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    const settings = resolveClientPolicy(options);
    this.policy = new ClientPolicy(settings);
    this.maxResponseBytes = settings.maxResponseBytes;
    this.maxRequestBytes = settings.maxRequestBytes;
    this.timeoutMs = settings.timeoutMs;
    this.attemptTimeoutMs = settings.attemptTimeoutMs;
  }

  /**
   * Sends `request` under the policies. Cold: nothing is sent until subscription; unsubscribing aborts the attempt
   * in flight and any retry. GET, and any request with an `Idempotency-Key` header, is retried; nothing else is.
   * A path parameter `.` or `..` fails as rejected (400) without sending anything, a body over `maxRequestBytes` as
   * rejected (413). Serving a request that came with a budget (`deadlineAt`), the call gets at most what is left of it;
   * with nothing left it sends nothing and fails as a timeout of 0 ms.
   */
  call<S extends z.ZodType>(request: ProviderRequest<S>): Observable<ProviderResponse<z.output<S>>> {
    const resource: CalledResource = { method: request.method, path: request.path, params: request.params ?? {} };
    let path: string;
    try {
      path = expandPath(request.path, resource.params);
    } catch (error) {
      if (!(error instanceof UnsendablePathParameterError)) throw error;
      // Unsendable: a dot segment would reach another resource (`/users/..` is `/`), a lone surrogate has no encoding.
      // Refuse it as the provider would, through the Observable like every other failure.
      return throwError(() => new this.errorClass({ kind: 'rejected', resource, cause: error.message, status: 400 }));
    }
    const url = `${this.baseUrl}${path}${queryString(request.query)}`;
    const config: AxiosRequestConfig = {
      headers: this.headers(request.headers),
      maxContentLength: this.maxResponseBytes,
      maxBodyLength: this.maxRequestBytes,
    };
    const retriable = request.method === 'GET' || hasHeader(request.headers, IDEMPOTENCY_KEY_HEADER);
    // Read in the caller's context, as the request id is: the subscription may run elsewhere.
    const budgetEndsAt = this.options.deadlineAt?.();
    const callerContext = context.active();
    return settledObservable(() => {
      const span = CallSpan.start(this.name, resource, callerContext);
      const call = new AbortController();
      const startedAt = Date.now();
      const timeoutMs = budgetEndsAt === undefined ? this.timeoutMs : Math.min(this.timeoutMs, budgetEndsAt - startedAt);
      const deadlineAt = startedAt + timeoutMs;
      // Each attempt tells the provider how long it will be waited for (the attempt timeout or what is left of the
      // deadline), so it does not commit work the caller has given up on.
      const attempt = (signal: AbortSignal) =>
        span.attempt(
          { ...config.headers, [DEADLINE_HEADER]: String(Math.max(0, Math.min(this.attemptTimeoutMs, deadlineAt - Date.now()))) },
          signal,
          (headers) => this.attempt(request, resource, url, { ...config, headers, signal }),
        );
      // A spent budget sends nothing: the caller it would answer has stopped waiting. Not the provider's failure, so
      // it goes around the policies (and the breaker).
      const outcome =
        timeoutMs > 0
          ? context.with(span.context, () => this.policy.execute(attempt, { retriable, signal: call.signal, timeoutMs }))
          : Promise.reject(new DeadlineExceededError(0));
      const promise = outcome.then(
        (response) => {
          span.end('ok', response.status);
          return response;
        },
        (error: unknown) => {
          if (call.signal.aborted) {
            span.end('abandoned');
            throw error;
          }
          const failure = this.toProviderError(resource, error);
          span.end(failure.kind, failure.status);
          this.logger.debug(`${request.method} ${url} failed: ${failure.message}`);
          throw failure;
        },
      );
      return { promise, abort: () => call.abort() };
    });
  }

  private headers(extra: Readonly<Record<string, string>> = {}): Record<string, string> {
    const headers: Record<string, string> = { Accept: 'application/json', ...extra };
    if (this.options.token !== undefined) headers['Authorization'] = `Bearer ${this.options.token}`;
    const requestId = this.options.requestId?.();
    if (requestId !== undefined) headers[REQUEST_ID_HEADER] = requestId;
    return headers;
  }

  /** One HTTP attempt, abandoned (the `HttpService` Observable unsubscribed) when the config's signal aborts. */
  private async attempt<S extends z.ZodType>(
    request: ProviderRequest<S>,
    resource: CalledResource,
    url: string,
    config: AxiosRequestConfig & { signal: AbortSignal },
  ): Promise<ProviderResponse<z.output<S>>> {
    let response: AxiosResponse<unknown>;
    try {
      response = await firstValueUntilAborted(
        this.send(request, url, config),
        config.signal,
        () => new this.errorClass({ kind: 'unavailable', resource, cause: 'no response' }),
      );
    } catch (error) {
      throw this.toProviderError(resource, error);
    }
    return { status: response.status, headers: lowerCaseHeaders(response.headers), data: this.parseBody(request.schema, resource, response.data) };
  }

  private send(request: ProviderRequest<z.ZodType>, url: string, config: AxiosRequestConfig): Observable<AxiosResponse<unknown>> {
    switch (request.method) {
      case 'GET':
        return this.http.get(url, config);
      case 'HEAD':
        return this.http.head(url, config);
      case 'DELETE':
        return this.http.delete(url, config);
      case 'POST':
        return this.http.post(url, request.body, config);
      case 'PUT':
        return this.http.put(url, request.body, config);
      case 'PATCH':
        return this.http.patch(url, request.body, config);
    }
  }

  private parseBody<S extends z.ZodType>(schema: S, resource: CalledResource, data: unknown): z.output<S> {
    // No body at all (a 204, a HEAD) is `undefined` to the schema, not malformed JSON.
    let body = data === '' ? undefined : data;
    if (typeof body === 'string') {
      try {
        body = JSON.parse(body);
      } catch (error) {
        throw new this.errorClass({ kind: 'bad-response', resource, cause: error, reason: 'body is not valid JSON' });
      }
    }
    const result = schema.safeParse(body);
    if (!result.success) {
      const issue = result.error.issues[0];
      const where = issue.path.length > 0 ? issue.path.join('.') : 'body';
      throw new this.errorClass({ kind: 'bad-response', resource, cause: result.error, reason: `${where}: ${issue.message}` });
    }
    return result.data;
  }

  /**
   * The typed error for whatever an attempt or the policies failed with: the one place that decides the kind, and
   * reads the provider's error body (its `code`, as `providerCode`) once.
   */
  private toProviderError(resource: CalledResource, cause: unknown): ProviderCallError {
    if (cause instanceof ProviderCallError) return cause;
    const fail = (failure: ProviderFailure) => new this.errorClass(failure);
    if (cause instanceof PolicyTimeoutError) return fail({ kind: 'timeout', resource, cause, timeoutMs: cause.timeoutMs });
    if (cause instanceof CircuitOpenError) return fail({ kind: 'circuit-open', resource, cause, retryAfterMs: cause.retryAfterMs });
    if (!(cause instanceof AxiosError)) return fail({ kind: 'unavailable', resource, cause });
    if (isTooLarge(cause)) return fail({ kind: 'bad-response', resource, cause, reason: `body larger than ${this.maxResponseBytes} bytes` });
    // Refused before it was sent: a caller's mistake, as the provider's 413 would be, that no retry can mend.
    if (isRequestTooLarge(cause)) return fail({ kind: 'rejected', resource, cause, status: 413 });
    const status = cause.response?.status;
    // No status, or a 2xx whose body broke off (reset, aborted stream): the connection failed, not the call.
    if (status === undefined || status < 400) {
      return isTimeoutCode(cause.code)
        ? fail({ kind: 'timeout', resource, cause, timeoutMs: this.options.timeoutMs })
        : fail({ kind: 'unavailable', resource, cause });
    }
    const answered = { resource, cause, status, providerCode: errorCodeOf(cause.response?.data) };
    if (status === 404) return fail({ kind: 'not-found', ...answered });
    if (status >= 500) return fail({ kind: 'unavailable', ...answered });
    return fail({ kind: 'rejected', ...answered });
  }
}

function queryString(query: ProviderRequest<z.ZodType>['query'] = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, String(value));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

function hasHeader(headers: Readonly<Record<string, string>> = {}, name: string): boolean {
  return Object.keys(headers).some((header) => header.toLowerCase() === name.toLowerCase());
}

function lowerCaseHeaders(headers: AxiosResponse['headers'] | undefined): Record<string, string | undefined> {
  const result: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    result[name.toLowerCase()] = value === undefined || value === null ? undefined : String(value);
  }
  return result;
}

function isTimeoutCode(code: string | undefined): boolean {
  return code === AxiosError.ECONNABORTED || code === AxiosError.ETIMEDOUT;
}

/** A request body over `maxBodyLength`, refused by axios before sending: said only in the message of an `ERR_BAD_REQUEST`. */
function isRequestTooLarge(error: AxiosError): boolean {
  return error.code === AxiosError.ERR_BAD_REQUEST && error.response === undefined && /maxBodyLength/.test(error.message);
}

/** A response body over `maxContentLength`: axios says so only in the message of an `ERR_BAD_RESPONSE`. */
function isTooLarge(error: AxiosError): boolean {
  return error.code === AxiosError.ERR_BAD_RESPONSE && /maxContentLength/.test(error.message);
}
