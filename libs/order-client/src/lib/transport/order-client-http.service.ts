import { HttpService } from '@nestjs/axios';
import type { AxiosPromise, AxiosRequestConfig, AxiosResponse } from 'axios';
import { Observable } from 'rxjs';

type AxiosMethod<T> = (...args: unknown[]) => AxiosPromise<T>;

/**
 * `@nestjs/axios` `HttpService` with the same Observables, cancelled with an `AbortSignal` instead of a
 * `CancelToken`: the stock service cancels its token on every teardown, even after the answer arrived, and each
 * cancel builds a `CanceledError` with a stack trace — measurable per request on a hot path (bench/RESULTS.md).
 * Here unsubscribing before the answer aborts the request; after it, nothing happens.
 */
export class OrderClientHttpService extends HttpService {
  protected override makeObservable<T>(axios: AxiosMethod<T>, ...args: unknown[]): Observable<AxiosResponse<T>> {
    return new Observable<AxiosResponse<T>>((subscriber) => {
      const argsCopy = [...args];
      const configIndex = argsCopy.length - 1;
      const config: AxiosRequestConfig = { ...((argsCopy[configIndex] as AxiosRequestConfig | undefined) ?? {}) };
      argsCopy[configIndex] = config;
      const controller = config.signal || config.cancelToken ? undefined : new AbortController();
      if (controller) config.signal = controller.signal;
      let settled = false;
      axios(...argsCopy).then(
        (response) => {
          settled = true;
          subscriber.next(response);
          subscriber.complete();
        },
        (error: unknown) => {
          settled = true;
          subscriber.error(error);
        },
      );
      return () => {
        if (!settled && config.responseType !== 'stream') controller?.abort();
      };
    });
  }
}
