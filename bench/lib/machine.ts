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

/** One line naming the machine and the versions that matter to the figures. */
export function describeMachine(packages: readonly string[]): string {
  const cores = cpus();
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  const memory = `${(totalmem() / 2 ** 30).toFixed(1)} GiB`;
  const versions = packages.map((p) => `${p} ${versionOf(p)}`).join(', ');
  return `${cores.length} × ${cores[0]?.model ?? 'unknown CPU'}, ${memory} RAM, load ${load} at start; Node ${process.versions.node}, ${versions}`;
}
