import type { AxiosResponse, InternalAxiosRequestConfig } from 'axios';
import { defer, NEVER, Observable, of, switchMap, throwError, timer } from 'rxjs';
import { axiosHttpError, axiosNetworkError } from './axios-error';
import { axiosResponse } from './axios-response';
import type { HttpAnswer } from './http-answers';

/**
 * Plays `answer` the way `HttpService` would for the request `config`: a real `AxiosResponse` for 2xx, a real
 * `AxiosError` (with `response`) for any other status or (without) for a network failure. A raw body is parsed
 * as JSON when it can be, and left as text when it cannot — as axios does by default.
 */
export function httpServiceAnswer(answer: HttpAnswer, config: InternalAxiosRequestConfig): Observable<AxiosResponse> {
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
