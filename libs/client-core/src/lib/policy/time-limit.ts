import { TaskCancelledError } from 'cockatiel';

/**
 * Runs `work` with `limitMs` to settle: when the time is up, or `parent` aborts first, `work`'s signal aborts and
 * the promise rejects at once with `TaskCancelledError`, whether or not `work` heeds its signal. Otherwise it settles
 * as `work` does, and the signal is left alone.
 *
 * What cockatiel's aggressive `timeout` policy does, at the cost of one AbortController, one timer and one listener:
 * that policy also derives its controller through event wrappers, races an extra promise and runs its executor's
 * bookkeeping, twice per call here (deadline and attempt), about a tenth of the client's CPU per call (issue 27's
 * profile, bench/RESULTS.md).
 */
export function withinTimeLimit<T>(limitMs: number, parent: AbortSignal, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    const release = () => {
      clearTimeout(timer);
      parent.removeEventListener('abort', cancel);
    };
    const cancel = () => {
      release();
      controller.abort();
      reject(new TaskCancelledError(`Operation timed out after ${limitMs}ms`));
    };
    const timer = setTimeout(cancel, limitMs);
    if (parent.aborted) return cancel();
    parent.addEventListener('abort', cancel);
    work(controller.signal).then(
      (value) => {
        release();
        resolve(value);
      },
      (error: unknown) => {
        release();
        reject(error);
      },
    );
  });
}
