import { AxiosError, AxiosHeaders, type InternalAxiosRequestConfig } from 'axios';
import { axiosResponse, type FakeAnswer } from './axios-response';

/**
 * A real `AxiosError` for an HTTP answer with a non-2xx `status`, built the way axios builds it
 * (`ERR_BAD_RESPONSE` for 5xx, `ERR_BAD_REQUEST` for 4xx), with `body` as `response.data`.
 */
export function axiosHttpError(status: number, body: unknown = '', answer: FakeAnswer = {}): AxiosError {
  const config = answer.config ?? emptyConfig();
  const response = axiosResponse(body, { ...answer, status, config });
  const code = status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST;
  return new AxiosError(`Request failed with status code ${status}`, code, config, {}, response);
}

/**
 * A real `AxiosError` for a failure below HTTP — no response at all — with a Node error code such as
 * `ECONNREFUSED`, `ECONNRESET` or axios' own `ECONNABORTED` (its timeout).
 */
export function axiosNetworkError(code: string, answer: Pick<FakeAnswer, 'config'> = {}): AxiosError {
  const config = answer.config ?? emptyConfig();
  const cause = Object.assign(new Error(`${code} (simulated)`), { code });
  return AxiosError.from(cause, code, config, {});
}

function emptyConfig(): InternalAxiosRequestConfig {
  return { headers: new AxiosHeaders(), method: 'get' };
}
