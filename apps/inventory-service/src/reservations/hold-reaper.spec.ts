import { HoldReaper } from './hold-reaper';
import type { ReservationLifecycleRepository } from './reservation-lifecycle.repository';

/** A repository double whose `releaseExpiredHolds` answers `batches` in turn (then 0), recording each call. */
function repositoryReleasing(...batches: number[]) {
  const releaseExpiredHolds = jest.fn(async (_holdMs: number, _limit: number) => batches.shift() ?? 0);
  return { repository: { releaseExpiredHolds } as unknown as ReservationLifecycleRepository, releaseExpiredHolds };
}

describe('HoldReaper (its repository a double, the timer Jest’s)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('looks for holds older than holdMs every reapEveryMs from the app’s start, and never after its shutdown', async () => {
    const { repository, releaseExpiredHolds } = repositoryReleasing();
    const reaper = new HoldReaper(repository, { holdMs: 60_000, reapEveryMs: 15_000 });
    reaper.onApplicationBootstrap();
    expect(releaseExpiredHolds).not.toHaveBeenCalled();

    await jest.advanceTimersByTimeAsync(15_000);
    expect(releaseExpiredHolds).toHaveBeenCalledTimes(1);
    expect(releaseExpiredHolds).toHaveBeenLastCalledWith(60_000, 500);
    await jest.advanceTimersByTimeAsync(15_000);
    expect(releaseExpiredHolds).toHaveBeenCalledTimes(2);

    await reaper.onModuleDestroy();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(releaseExpiredHolds).toHaveBeenCalledTimes(2);
  });

  it('works a backlog off in batches within one pass, and says how many it released', async () => {
    const { repository, releaseExpiredHolds } = repositoryReleasing(500, 500, 7);
    const reaper = new HoldReaper(repository, { holdMs: 1_000, reapEveryMs: 250 });
    await expect(reaper.reapOnce()).resolves.toBe(1_007);
    expect(releaseExpiredHolds).toHaveBeenCalledTimes(3);
  });

  it('logs a failed pass and resolves 0, so the next tick tries again', async () => {
    const releaseExpiredHolds = jest.fn().mockRejectedValueOnce(new Error('connection reset')).mockResolvedValue(2);
    const reaper = new HoldReaper({ releaseExpiredHolds } as unknown as ReservationLifecycleRepository, { holdMs: 1_000, reapEveryMs: 250 });
    const logged = jest.spyOn(Reflect.get(reaper, 'logger'), 'error').mockImplementation(() => undefined);
    await expect(reaper.reapOnce()).resolves.toBe(0);
    expect(logged).toHaveBeenCalledWith('Releasing expired holds failed: connection reset');
    await expect(reaper.reapOnce()).resolves.toBe(2);
  });
});
