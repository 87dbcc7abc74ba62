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
 * `ECONNABORTED`, and an aborted `signal` rejects with `CanceledError`.
 *
 * @param reset - `true` closes the connection after each request (no keep-alive).
 */
export function undiciAdapter(dispatcher: Dispatcher, { reset = false }: { reset?: boolean } = {}): AxiosAdapter {
  return async (config) => {
    // axios.getUri merges the config again; an absolute URL without params (the client's case) needs none of it.
    const url = new URL(config.baseURL || config.params ? axios.getUri(config) : String(config.url));
    const timeoutSignal = config.timeout ? AbortSignal.timeout(config.timeout) : undefined;
    const signals = [config.signal as AbortSignal | undefined, timeoutSignal].filter((s) => s !== undefined);
    try {
      const answer = await dispatcher.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: (config.method ?? 'get').toUpperCase() as Dispatcher.HttpMethod,
        headers: AxiosHeaders.from(config.headers).toJSON(true) as Record<string, string>,
        body: (config.data as string | Buffer | undefined) ?? null,
        signal: signals.length > 1 ? AbortSignal.any(signals) : signals[0],
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
      throw toAxiosError(error, config, timeoutSignal);
    }
  };
}

function toAxiosError(error: unknown, config: InternalAxiosRequestConfig, timeoutSignal?: AbortSignal): Error {
  if (error instanceof AxiosError) return error;
  if (timeoutSignal?.aborted) {
    return new AxiosError(`timeout of ${config.timeout}ms exceeded`, AxiosError.ECONNABORTED, config);
  }
  if ((config.signal as AbortSignal | undefined)?.aborted) return new CanceledError(undefined, undefined, config);
  const code = (error as { code?: string }).code;
  return AxiosError.from(error, code, config);
}
