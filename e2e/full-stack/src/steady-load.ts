/** What a steady load saw: how many answers of each status, and the calls that got no answer at all. */
export interface LoadResult {
  statuses: Record<number, number>;
  failures: string[];
}

/**
 * `workers` callers each sending `GET url` back to back until `stop()`, which resolves with what they saw once every
 * call in flight is answered.
 */
export function steadyLoad(url: string, workers = 4): { stop: () => Promise<LoadResult> } {
  const result: LoadResult = { statuses: {}, failures: [] };
  let running = true;
  const worker = async () => {
    while (running) {
      try {
        const response = await fetch(url);
        await response.arrayBuffer();
        result.statuses[response.status] = (result.statuses[response.status] ?? 0) + 1;
        if (response.status >= 300) result.failures.push(`${response.status} at ${new Date().toISOString()}`);
      } catch (error) {
        result.failures.push(`no answer: ${(error as Error).message}`);
      }
    }
  };
  const all = Promise.all(Array.from({ length: workers }, worker));
  return {
    stop: async () => {
      running = false;
      await all;
      return result;
    },
  };
}
