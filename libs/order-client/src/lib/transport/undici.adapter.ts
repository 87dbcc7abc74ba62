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
 * An axios adapter that sends requests through an undici dispatcher (e.g. an `Agent`, which keeps a keep-alive
 * `Pool` per origin). It answers like axios' own adapters: the body as text (axios' `transformResponse` parses
 * JSON after it), a status outside `validateStatus` rejects with an `AxiosError` carrying the response, a network
 * failure rejects with an `AxiosError` carrying the system `code` (`ECONNREFUSED`, …), `timeout` rejects with
 * `ECONNABORTED`, and an aborted `signal` or cancelled `cancelToken` aborts the request and rejects with
 * `CanceledError`.
 *
 * @param reset - `true` closes the connection after each request (no keep-alive).
 */
export function undiciAdapter(dispatcher: Dispatcher, { reset = false }: { reset?: boolean } = {}): AxiosAdapter {
  return async (config) => {
    // axios.getUri merges the config again; an absolute URL without params (the client's case) needs none of it.
    const url = new URL(config.baseURL || config.params ? axios.getUri(config) : String(config.url));
    const abort = new RequestAbort(config);
    try {
      const answer = await dispatcher.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: (config.method ?? 'get').toUpperCase() as Dispatcher.HttpMethod,
        headers: AxiosHeaders.from(config.headers).toJSON(true) as Record<string, string>,
        body: (config.data as string | Buffer | undefined) ?? null,
        signal: abort.signal,
        reset,
      });
      const response: AxiosResponse<string> = {
        data: await answer.body.text(),
        status: answer.statusCode,
        statusText: STATUS_CODES[answer.statusCode] ?? '',
        headers: AxiosHeaders.from(answer.headers as Record<string, string>),
        config,
      };
      if (!config.validateStatus || config.validateStatus(response.status)) return response;
      const code = response.status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST;
      throw new AxiosError(`Request failed with status code ${response.status}`, code, config, undefined, response);
    } catch (error) {
      throw abort.failure() ?? (error instanceof AxiosError ? error : AxiosError.from(error as Error, undefined, config));
    } finally {
      abort.release();
    }
  };
}

/** One request's abort sources — caller's `signal`, axios `cancelToken`, axios `timeout` — as one signal. */
class RequestAbort {
  /** Why our controller aborted the request, as axios reports it; undefined while it did not. */
  private reason?: AxiosError;
  /** Ours, when the caller's signal must be merged with a cancel token or a timeout. */
  private readonly controller?: AbortController;
  /** The caller's signal, passed on as it is when it is the only abort source. */
  private readonly passedSignal?: AbortSignal;
  private readonly timer?: NodeJS.Timeout;
  private readonly onAbort = () => this.abort(new CanceledError(undefined, undefined, this.config));
  private readonly onCancel = (cancel: unknown) =>
    this.abort(cancel instanceof AxiosError ? cancel : new CanceledError(undefined, undefined, this.config));

  constructor(private readonly config: InternalAxiosRequestConfig) {
    const signal = config.signal as AbortSignal | undefined;
    // The caller's signal alone is passed on as it is: a controller of our own (and the listener joining them)
    // per request is needed only to merge it with a cancel token or a timeout.
    if (signal && !config.cancelToken && !config.timeout) {
      this.passedSignal = signal;
      return;
    }
    this.controller = new AbortController();
    if (signal?.aborted) this.onAbort();
    signal?.addEventListener?.('abort', this.onAbort, { once: true });
    config.cancelToken?.subscribe(this.onCancel);
    if (config.timeout) {
      this.timer = setTimeout(() => {
        this.abort(new AxiosError(`timeout of ${config.timeout}ms exceeded`, AxiosError.ECONNABORTED, config));
      }, config.timeout);
    }
  }

  get signal(): AbortSignal | undefined {
    return this.passedSignal ?? this.controller?.signal;
  }

  /** Why the request ended early, as axios reports it: set on abort, or read off a caller's signal passed on. */
  failure(): AxiosError | undefined {
    if (this.reason) return this.reason;
    if (this.passedSignal?.aborted) return new CanceledError(undefined, undefined, this.config);
    return undefined;
  }

  release(): void {
    if (this.passedSignal) return;
    clearTimeout(this.timer);
    (this.config.signal as AbortSignal | undefined)?.removeEventListener?.('abort', this.onAbort);
    this.config.cancelToken?.unsubscribe(this.onCancel);
  }

  private abort(reason: AxiosError): void {
    if (this.reason) return;
    this.reason = reason;
    this.controller?.abort(reason);
  }
}
