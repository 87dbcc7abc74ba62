import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Busy and total jiffies of every core together, from /proc/stat's first line (Linux). */
function cpuJiffies(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((sum, value) => sum + value, 0);
  const idle = fields[3] + fields[4]; // idle, iowait
  return { busy: total - idle, total };
}

/**
 * Waits until the machine's cores are nearly idle (busy share of one interval ≤ `busyShare`), at most `maxMs`. A variant measured right after another shares the cores with that one's tail — the V8
 * garbage collections that follow a burst, pools closing, a batch of spans exporting — and, with the same neighbour
 * every round, that tail would bias the same variant every round.
 */
export async function settle({ busyShare = 0.15, intervalMs = 200, maxMs = 5_000 } = {}): Promise<void> {
  const started = Date.now();
  let before = cpuJiffies();
  while (Date.now() - started < maxMs) {
    await sleep(intervalMs);
    const after = cpuJiffies();
    const total = after.total - before.total;
    if (total > 0 && (after.busy - before.busy) / total <= busyShare) break;
    before = after;
  }
}
