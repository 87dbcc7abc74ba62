import { AxiosError, AxiosHeaders, type AxiosResponse } from 'axios';

/** A 2xx (or any `status`) answer with `data` as its body. */
export function axiosResponse(data: unknown, status = 200, headers: AxiosResponse['headers'] = new AxiosHeaders()): AxiosResponse {
  return { data, status, statusText: '', headers, config: { headers: new AxiosHeaders() } };
}

/** The `AxiosError` of an answer with a non-2xx `status` and `data` as its body, coded as axios codes it. */
export function axiosHttpError(status: number, data: unknown = ''): AxiosError {
  const code = status >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST;
  const error = new AxiosError(`Request failed with status code ${status}`, code);
  error.response = axiosResponse(data, status);
  return error;
}

/** The `AxiosError` of a failure below HTTP (no answer), e.g. `ECONNREFUSED` or axios' timeout `ECONNABORTED`. */
export function axiosNetworkError(code: string, message = `${code} (simulated)`): AxiosError {
  return new AxiosError(message, code);
}
