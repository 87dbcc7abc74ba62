import { Observable } from 'rxjs';

/** Work started for one subscriber: its outcome, and how to abandon it. */
export interface AbortableWork<T> {
  promise: Promise<T>;
  /** Abandons the work; called only if the subscriber leaves before the promise settles. */
  abort?: () => void;
}

/**
 * The one Promise → Observable bridge of the core: cold (`start` runs per subscription), emits the promise's value
 * once and completes, or errors with its rejection. Unsubscribing before it settles calls `abort`; after it settles
 * nothing happens — aborting a settled request would build an error (with its stack) on every successful call.
 */
export function settledObservable<T>(start: () => AbortableWork<T>): Observable<T> {
  return new Observable<T>((subscriber) => {
    let settled = false;
    const { promise, abort } = start();
    promise.then(
      (value) => {
        settled = true;
        subscriber.next(value);
        subscriber.complete();
      },
      (error: unknown) => {
        settled = true;
        subscriber.error(error);
      },
    );
    return () => {
      if (!settled) abort?.();
    };
  });
}

/**
 * The reverse bridge: the first value of `source` as a promise. Aborting `signal` unsubscribes (so a source that
 * ignores signals, e.g. a test double, is still abandoned) and rejects with the signal's reason, so nothing awaiting
 * it waits forever; a source that completes without a value rejects with `noValue()`.
 */
export function firstValueUntilAborted<T>(source: Observable<T>, signal: AbortSignal, noValue: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let answered = false;
    const subscription = source.subscribe({
      next: (value) => {
        answered = true;
        resolve(value);
      },
      error: reject,
      // An error is built (stack and all) only when there is one to report: completing after a value is the normal
      // end of every successful call.
      complete: () => {
        if (!answered) reject(noValue());
      },
    });
    signal.addEventListener(
      'abort',
      () => {
        subscription.unsubscribe();
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
