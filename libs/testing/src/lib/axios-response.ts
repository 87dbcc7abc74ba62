import { AxiosHeaders, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';

/** Options for the doubles' fake answers. */
export interface FakeAnswer {
  status?: number;
  headers?: Record<string, string>;
  /** The request this answers; defaults to an empty GET. */
  config?: InternalAxiosRequestConfig;
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** A fully-typed `AxiosResponse` carrying `data`, as `HttpService` would emit it: header names lower-cased, as Node's parser gives them. */
export function axiosResponse<T>(data: T, answer: FakeAnswer = {}): AxiosResponse<T> {
  const status = answer.status ?? 200;
  const config = answer.config ?? { headers: new AxiosHeaders(), method: 'get' };
  return {
    data,
    status,
    statusText: STATUS_TEXT[status] ?? '',
    headers: new AxiosHeaders({ 'content-type': 'application/json', ...lowerCased(answer.headers ?? {}) }),
    config,
  };
}

function lowerCased(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
