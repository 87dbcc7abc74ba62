import { firstValueFrom, lastValueFrom, Observable, of, Subject, toArray } from 'rxjs';
import { firstValueUntilAborted, settledObservable } from './settled-observable';

/** Work whose promise the test settles by hand, counting starts and aborts. */
function manualWork<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const abort = jest.fn();
  const start = jest.fn(() => ({ promise: new Promise<T>((ok, fail) => ((resolve = ok), (reject = fail))), abort }));
  return { start, abort, resolve: (value: T) => resolve(value), reject: (error: unknown) => reject(error) };
}

describe('settledObservable', () => {
  it('starts nothing until subscribed, and starts the work once per subscription', async () => {
    let starts = 0;
    const source = settledObservable(() => ({ promise: Promise.resolve(++starts) }));
    expect(starts).toBe(0);
    await expect(firstValueFrom(source)).resolves.toBe(1);
    await expect(firstValueFrom(source)).resolves.toBe(2);
  });

  it('emits the value once, then completes', async () => {
    const work = manualWork<string>();
    const all = lastValueFrom(settledObservable(work.start).pipe(toArray()));
    work.resolve('a');
    await expect(all).resolves.toEqual(['a']);
  });

  it('errors with the rejection', async () => {
    const work = manualWork<string>();
    const value = firstValueFrom(settledObservable(work.start));
    const failure = new Error('refused');
    work.reject(failure);
    await expect(value).rejects.toBe(failure);
  });

  it('aborts the work when unsubscribed before it settles', () => {
    const work = manualWork<string>();
    settledObservable(work.start).subscribe().unsubscribe();
    expect(work.abort).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['a value', (work: ReturnType<typeof manualWork<string>>) => work.resolve('a')],
    ['an error', (work: ReturnType<typeof manualWork<string>>) => work.reject(new Error('refused'))],
  ])('does not abort the work once it settled with %s', async (_case, settle) => {
    const work = manualWork<string>();
    let notified!: () => void;
    const settledOnce = new Promise<void>((done) => (notified = done));
    const subscription = settledObservable(work.start).subscribe({ next: () => notified(), error: () => notified() });
    settle(work);
    await settledOnce;
    subscription.unsubscribe();
    expect(work.abort).not.toHaveBeenCalled();
  });

  it('lets work without an abort be unsubscribed', () => {
    const source = settledObservable(() => ({ promise: new Promise<never>(() => undefined) }));
    expect(() => source.subscribe().unsubscribe()).not.toThrow();
  });
});

describe('firstValueUntilAborted', () => {
  const noValue = () => new Error('no value');

  it('resolves with the first value', async () => {
    await expect(firstValueUntilAborted(of('a', 'b'), new AbortController().signal, noValue)).resolves.toBe('a');
  });

  it('rejects with the source’s error', async () => {
    const failure = new Error('reset');
    const source = new Observable<string>((subscriber) => subscriber.error(failure));
    await expect(firstValueUntilAborted(source, new AbortController().signal, noValue)).rejects.toBe(failure);
  });

  it('rejects with noValue() when the source completes without a value', async () => {
    const source = new Observable<string>((subscriber) => subscriber.complete());
    await expect(firstValueUntilAborted(source, new AbortController().signal, noValue)).rejects.toThrow('no value');
  });

  it('builds no error when the source completes after its value', async () => {
    const noValueSpy = jest.fn(noValue);
    await firstValueUntilAborted(of('a'), new AbortController().signal, noValueSpy);
    expect(noValueSpy).not.toHaveBeenCalled();
  });

  it('unsubscribes from the source when the signal aborts, and rejects with the signal’s reason', async () => {
    const source = new Subject<string>();
    const controller = new AbortController();
    const first = firstValueUntilAborted(source, controller.signal, noValue);
    expect(source.observed).toBe(true);
    controller.abort();
    expect(source.observed).toBe(false);
    // Settled, so whatever awaits it (the attempt's span) ends instead of waiting forever.
    await expect(first).rejects.toBe(controller.signal.reason);
  });
});
