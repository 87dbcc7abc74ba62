import { STATUS_CODES } from 'node:http';
import axios, {
  AxiosError,
  AxiosHeaders,
  CanceledError,
  type AxiosAdapter,
  type AxiosResponse,
  type InternalAxiosRequestConfig,
} from 'axios';
import type { Dispatcher } from 'undici';

/**
 * An axios adapter that sends each request through an undici `Dispatcher` (an `Agent`'s keep-alive pool) instead of
 * node:http: the same `HttpService`, interceptors, transforms and errors above it, a cheaper socket path below
 * (issue 27: axios' http adapter costs several times what undici does for the same request).
 *
 * What it honours of the config, as axios' http adapter does: the URL with `baseURL` and `params`, the headers, the
 * transformed body, `signal` and `cancelToken` (→ `CanceledError`), `timeout` (→ `ECONNABORTED`, or `ETIMEDOUT` with
 * `transitional.clarifyTimeoutError`), `maxBodyLength` and `maxContentLength` (→ the http adapter's errors, messages
 * included), `responseType` (`arraybuffer`, `stream`, else text for axios' JSON transform) and `validateStatus`.
 * It never follows redirects, uses no proxy and asks for no compression: service-to-service calls need none.
 */
export function undiciAdapter(dispatcher: Dispatcher): AxiosAdapter {
  return async (config) => {
    const body = requestBody(config);
    if (body !== undefined && config.maxBodyLength !== undefined && config.maxBodyLength > -1 && body.byteLength > config.maxBodyLength) {
      throw new AxiosError('Request body larger than maxBodyLength limit', AxiosError.ERR_BAD_REQUEST, config);
    }
    const url = new URL(axios.getUri(config));
    const stop = requestStop(config);
    try {
      const answer = await dispatcher.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: (config.method ?? 'get').toUpperCase() as Dispatcher.HttpMethod,
        headers: requestHeaders(config),
        body,
        signal: stop.signal,
      });
      const data = await responseData(answer.body, config);
      return settle({
        data,
        status: answer.statusCode,
        statusText: STATUS_CODES[answer.statusCode] ?? '',
        headers: new AxiosHeaders(answer.headers as Record<string, string | string[]>),
        config,
        request: { url: url.href },
      });
    } catch (error) {
      throw stop.reason() ?? (error instanceof AxiosError ? error : AxiosError.from(error as Error, errorCode(error), config, { url: url.href }));
    } finally {
      stop.dispose();
    }
  };
}

/** The transformed body as bytes (axios has already serialised objects to JSON); `undefined` when there is none. */
function requestBody(config: InternalAxiosRequestConfig): Buffer | undefined {
  const { data } = config;
  if (data === undefined || data === null) return undefined;
  if (Buffer.isBuffer(data)) return data;
  if (typeof data === 'string') return Buffer.from(data);
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) return Buffer.from(data as ArrayBuffer);
  throw new AxiosError('Data after transformation must be a string, an ArrayBuffer or a Buffer', AxiosError.ERR_BAD_REQUEST, config);
}

/** The request's headers as undici takes them: names as axios set them, values as strings. */
function requestHeaders(config: InternalAxiosRequestConfig): Record<string, string> {
  const headers: Record<string, string> = {};
  // Already an AxiosHeaders (axios normalised it before the adapter): read it, no copy per request.
  for (const [name, value] of Object.entries(config.headers.toJSON())) {
    if (value !== undefined && value !== null) headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return headers;
}

/**
 * One AbortController for what may stop the request: the caller's `signal`, its `cancelToken` and `timeout`.
 * `reason()` is the error axios' http adapter would reject with, once one of them has stopped it.
 */
function requestStop(config: InternalAxiosRequestConfig): { signal: AbortSignal; reason(): Error | undefined; dispose(): void } {
  const controller = new AbortController();
  let reason: Error | undefined;
  const stop = (error: Error) => {
    if (reason !== undefined) return;
    reason = error;
    controller.abort();
  };
  const canceled = () => stop(new CanceledError(undefined, undefined, config));
  const external = config.signal as AbortSignal | undefined;
  if (external?.aborted) canceled();
  external?.addEventListener?.('abort', canceled);
  // A token's cancel is axios' CanceledError (an Error) though its type says `Cancel`.
  config.cancelToken?.promise.then((cancel) => stop(cancel as unknown as Error));
  const timer =
    config.timeout !== undefined && config.timeout > 0
      ? setTimeout(() => {
          const clarify = config.transitional?.clarifyTimeoutError === true;
          stop(new AxiosError(`timeout of ${config.timeout}ms exceeded`, clarify ? AxiosError.ETIMEDOUT : AxiosError.ECONNABORTED, config));
        }, config.timeout)
      : undefined;
  return {
    signal: controller.signal,
    reason: () => reason,
    dispose: () => {
      clearTimeout(timer);
      external?.removeEventListener?.('abort', canceled);
    },
  };
}

/** The response body as `responseType` asks, read no further than `maxContentLength`. */
async function responseData(body: Dispatcher.ResponseData['body'], config: InternalAxiosRequestConfig): Promise<unknown> {
  if (config.responseType === 'stream') return body;
  const limit = config.maxContentLength !== undefined && config.maxContentLength > -1 ? config.maxContentLength : Infinity;
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of body) {
    length += (chunk as Buffer).byteLength;
    if (length > limit) {
      body.destroy();
      throw new AxiosError(`maxContentLength size of ${config.maxContentLength} exceeded`, AxiosError.ERR_BAD_RESPONSE, config);
    }
    chunks.push(chunk as Buffer);
  }
  const bytes = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, length);
  return config.responseType === 'arraybuffer' ? bytes : bytes.toString((config.responseEncoding as BufferEncoding | undefined) ?? 'utf8');
}

/** axios' `settle`: a status `validateStatus` refuses rejects with the answer attached. */
function settle(response: AxiosResponse): AxiosResponse {
  const { validateStatus } = response.config;
  if (!validateStatus || validateStatus(response.status)) return response;
  throw new AxiosError(
    `Request failed with status code ${response.status}`,
    response.status >= 400 && response.status < 500 ? AxiosError.ERR_BAD_REQUEST : AxiosError.ERR_BAD_RESPONSE,
    response.config,
    response.request,
    response,
  );
}

/** The code of a socket failure (`ECONNREFUSED`, `ECONNRESET`, undici's `UND_ERR_SOCKET`…), as axios reports it. */
function errorCode(error: unknown): string | undefined {
  const own = (error as { code?: unknown })?.code;
  const cause = (error as { cause?: { code?: unknown } })?.cause?.code;
  return typeof own === 'string' ? own : typeof cause === 'string' ? cause : undefined;
}
