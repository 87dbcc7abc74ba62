import { HttpService } from '@nestjs/axios';
import type { AxiosPromise, AxiosRequestConfig, AxiosResponse } from 'axios';
import type { Observable } from 'rxjs';
import { settledObservable } from '../settled-observable';

type AxiosMethod<T> = (...args: unknown[]) => AxiosPromise<T>;

/**
 * `@nestjs/axios` `HttpService` with the same Observables, cancelled with an `AbortSignal` instead of a
 * `CancelToken`: the stock service cancels its token on every teardown, even after the answer arrived, and each
 * cancel builds a `CanceledError` with a stack trace — measurable per request on a hot path (bench/RESULTS.md).
 * Here unsubscribing before the answer aborts the request; after it, nothing happens. A request that brings its
 * own `signal` or `cancelToken`, or streams its response, is left to the caller to cancel.
 */
export class ClientHttpService extends HttpService {
  protected override makeObservable<T>(axios: AxiosMethod<T>, ...args: unknown[]): Observable<AxiosResponse<T>> {
    return settledObservable(() => {
      const argsCopy = [...args];
      const configIndex = argsCopy.length - 1;
      const config: AxiosRequestConfig = { ...((argsCopy[configIndex] as AxiosRequestConfig | undefined) ?? {}) };
      argsCopy[configIndex] = config;
      const ownsCancellation = !config.signal && !config.cancelToken && config.responseType !== 'stream';
      const controller = ownsCancellation ? new AbortController() : undefined;
      if (controller) config.signal = controller.signal;
      return { promise: axios(...argsCopy), abort: controller && (() => controller.abort()) };
    });
  }
}
