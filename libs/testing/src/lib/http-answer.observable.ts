import { AxiosError, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import { defer, NEVER, Observable, of, switchMap, throwError, timer } from 'rxjs';
import { axiosHttpError, axiosNetworkError } from './axios-error';
import { axiosResponse } from './axios-response';
import type { HttpAnswer } from './http-answers';

/**
 * Plays `answer` the way `HttpService` would for the request `config`: a real `AxiosResponse` for 2xx, a real
 * `AxiosError` (with `response`) for any other status or (without) for a network failure. A raw body is parsed
 * as JSON when it can be, and left as text when it cannot — as axios does by default. A body larger than the
 * request's `maxContentLength` fails with the `AxiosError` axios raises for it.
 */
export function httpServiceAnswer(answer: HttpAnswer, config: InternalAxiosRequestConfig): Observable<AxiosResponse> {
  const limit = config.maxContentLength ?? -1;
  if (limit > -1 && bodyBytes(answer) > limit) {
    return throwError(
      () => new AxiosError(`maxContentLength size of ${limit} exceeded`, AxiosError.ERR_BAD_RESPONSE, config),
    );
  }
  switch (answer.kind) {
    case 'answer':
      return answer.status >= 200 && answer.status < 300
        ? defer(() => of(axiosResponse(answer.body, { status: answer.status, headers: answer.headers, config })))
        : throwError(() => axiosHttpError(answer.status, answer.body, { headers: answer.headers, config }));
    case 'raw':
      return defer(() => of(axiosResponse(parseLikeAxios(answer.text), { status: answer.status, config })));
    case 'network':
      return throwError(() => axiosNetworkError(answer.code, { config }));
    case 'never':
      return NEVER;
    case 'delayed':
      return timer(answer.ms).pipe(switchMap(() => httpServiceAnswer(answer.then, config)));
  }
}

function parseLikeAxios(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Size of the body `answer` sends, in bytes (0 when it sends none). */
function bodyBytes(answer: HttpAnswer): number {
  if (answer.kind === 'raw') return Buffer.byteLength(answer.text);
  if (answer.kind !== 'answer') return 0;
  return Buffer.byteLength(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
}
