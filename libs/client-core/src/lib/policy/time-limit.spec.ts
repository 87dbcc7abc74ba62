import { TaskCancelledError } from 'cockatiel';
import { withinTimeLimit } from './time-limit';

describe('withinTimeLimit (fake clock)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const never = () => new Promise<string>(() => undefined);

  it('settles as the work does, leaving its signal unaborted and no timer behind', async () => {
    let seen: AbortSignal | undefined;
    const value = await withinTimeLimit(1_000, new AbortController().signal, (signal) => {
      seen = signal;
      return Promise.resolve('done');
    });
    expect(value).toBe('done');
    expect(jest.getTimerCount()).toBe(0);
    await jest.advanceTimersByTimeAsync(2_000);
    expect(seen?.aborted).toBe(false);
  });

  it('passes the work’s own failure through, untouched', async () => {
    const failure = new Error('refused');
    await expect(withinTimeLimit(1_000, new AbortController().signal, () => Promise.reject(failure))).rejects.toBe(failure);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('rejects with TaskCancelledError when the limit passes, aborting the work’s signal though the work ignores it', async () => {
    let seen: AbortSignal | undefined;
    const outcome = withinTimeLimit(1_000, new AbortController().signal, (signal) => {
      seen = signal;
      return never();
    }).catch((error: unknown) => error);
    await jest.advanceTimersByTimeAsync(999);
    expect(seen?.aborted).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await expect(outcome).resolves.toBeInstanceOf(TaskCancelledError);
    expect(seen?.aborted).toBe(true);
  });

  it('rejects at once when the parent aborts, aborting the work’s signal and stopping its timer', async () => {
    const parent = new AbortController();
    let seen: AbortSignal | undefined;
    const outcome = withinTimeLimit(1_000, parent.signal, (signal) => {
      seen = signal;
      return never();
    }).catch((error: unknown) => error);
    parent.abort();
    await expect(outcome).resolves.toBeInstanceOf(TaskCancelledError);
    expect(seen?.aborted).toBe(true);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('starts no work under a parent already aborted', async () => {
    const parent = new AbortController();
    parent.abort();
    const work = jest.fn(never);
    await expect(withinTimeLimit(1_000, parent.signal, work)).rejects.toBeInstanceOf(TaskCancelledError);
    expect(work).not.toHaveBeenCalled();
  });

  it('stops listening to the parent once settled', async () => {
    const parent = new AbortController();
    const removed = jest.spyOn(parent.signal, 'removeEventListener');
    await withinTimeLimit(1_000, parent.signal, () => Promise.resolve('done'));
    expect(removed).toHaveBeenCalledWith('abort', expect.any(Function));
  });
});
