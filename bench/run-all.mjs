// `npm run bench [-- --quick]`: runs every target of the bench project (bench/project.json), one at a time so
// they do not disturb each other's figures. A benchmark added as a target there is picked up with no change here;
// the project's checks (typecheck) are targets too but not benchmarks.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHECKS = new Set(['typecheck']);
const targets = Object.keys(JSON.parse(readFileSync(join(root, 'bench/project.json'), 'utf8')).targets ?? {}).filter(
  (target) => !CHECKS.has(target),
);
const args = process.argv.slice(2);
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

for (const target of targets) {
  console.log(`\n=== bench:${target} ${args.join(' ')}`);
  const run = spawnSync(process.execPath, [join(root, 'node_modules/nx/dist/bin/nx.js'), 'run', `bench:${target}`, ...args], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  if (run.status !== 0) {
    console.error(`bench:${target} failed (exit ${run.status ?? run.signal})`);
    process.exit(1);
  }
}
