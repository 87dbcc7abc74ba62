import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

export const WORKSPACE_ROOT = join(__dirname, '../..');

function versionOf(pkg: string): string {
  try {
    return JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return 'absent';
  }
}

/** The 1, 5 and 15 minute load averages, as `describeMachine` prints them. */
export function loadAverage(): string {
  return loadavg().map((l) => l.toFixed(2)).join(' ');
}

/**
 * One line naming the machine and the versions that matter to the figures; given the load average read when the
 * run started, it prints that and the load now, at the end.
 */
export function describeMachine(packages: readonly string[], loadAtStart?: string): string {
  const cores = cpus();
  const load = loadAtStart === undefined ? `${loadAverage()} at start` : `${loadAtStart} at start, ${loadAverage()} at end`;
  const memory = `${(totalmem() / 2 ** 30).toFixed(1)} GiB`;
  const versions = packages.map((p) => `${p} ${versionOf(p)}`).join(', ');
  return `${cores.length} × ${cores[0]?.model ?? 'unknown CPU'}, ${memory} RAM, load ${load}; Node ${process.versions.node}, ${versions}`;
}
