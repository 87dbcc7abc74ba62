/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`) as Markdown: the top frames by self time, and self time
 * by package (a `node_modules` package, the app's own bundle, Node's internals), so a profile can be committed as a
 * short table instead of a multi-megabyte file.
 *
 *   node -r @swc-node/register bench/lib/cpu-profile-summary.ts <file.cpuprofile> [top=30]
 */
import { readFileSync } from 'node:fs';
import { markdownTable } from './markdown-table';
import { fmt } from './stats';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a frame's code lives: `pkg` for node_modules/pkg (scoped too), `node:` internals, else the file's name. */
export function packageOf(url: string): string {
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inModules) return inModules[1];
  if (url.startsWith('node:')) return 'node: (internals)';
  if (url === '') return '(native, GC, idle)';
  return url.replace(/^file:\/\//, '').split('/').slice(-2).join('/');
}

/** Self microseconds per frame (function + location) and per package, from the profile's samples. */
export function selfTimes(profile: CpuProfile): { frames: Map<string, number>; packages: Map<string, number>; total: number } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const frames = new Map<string, number>();
  const packages = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    const micros = profile.timeDeltas[index] ?? 0;
    if (node === undefined || node.callFrame.functionName === '(idle)') return;
    const { functionName, url, lineNumber } = node.callFrame;
    const frame = `${functionName || '(anonymous)'} ${packageOf(url)}:${lineNumber + 1}`;
    frames.set(frame, (frames.get(frame) ?? 0) + micros);
    packages.set(packageOf(url), (packages.get(packageOf(url)) ?? 0) + micros);
    total += micros;
  });
  return { frames, packages, total };
}

function top(entries: Map<string, number>, total: number, count: number): string[][] {
  return [...entries]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, micros]) => [name.replace(/\|/g, '\\|'), fmt(micros / 1000, 0), fmt((micros / total) * 100, 1)]);
}

if (require.main === module) {
  const [file, count = '30'] = process.argv.slice(2);
  const { frames, packages, total } = selfTimes(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile);
  console.log(`Busy (non-idle) samples: ${fmt(total / 1000, 0)} ms\n`);
  console.log(markdownTable(['self time by package', 'ms', '% of busy'], top(packages, total, Number(count))));
  console.log();
  console.log(markdownTable(['top frames by self time', 'ms', '% of busy'], top(frames, total, Number(count))));
}
