/**
 * Test-loop cost: the user-orders scenarios at three levels — module-level boundary tests (HttpService or
 * OrderServiceClient overridden), endpoint tests with HTTP intercepted by nock, and full-stack tests (both built
 * services as processes, start-up included) — and the floor file (bench/test-loop/floor.spec.ts: only what every
 * module-level or endpoint test loads, one request through a Nest app) as the baseline row, run in interleaved
 * rounds in one run, each test file in a Jest process of its own; then `nx test user-service` cold vs cached, and
 * `nx affected -t test` after a one-line change in libs/order-client in a scratch clone.
 *
 *   npx nx run bench:test-loop [--quick] [--rounds=N]   (builds the three services first)
 */
import { mkdtempSync, readFileSync, rmSync, symlinkSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isQuick, numberArg } from './lib/bench-args';
import { describeMachine, loadAverage, WORKSPACE_ROOT } from './lib/machine';
import { markdownTable } from './lib/markdown-table';
import { publishResults } from './lib/results-file';
import { assertFigures, fmt, median } from './lib/stats';
import { timedCommand } from './lib/timed-command';

const QUICK = isQuick();
/** Interleaved rounds of the levels; `--rounds=N` runs more (or, with --quick, a measured run that writes nothing). */
const ROUNDS = numberArg('rounds', QUICK ? 1 : 3);
const NX_ROUNDS = 2;
const JEST = join(WORKSPACE_ROOT, 'node_modules/jest/bin/jest.js');
const NX = join(WORKSPACE_ROOT, 'node_modules/nx/dist/bin/nx.js');

interface Level {
  name: string;
  config: string;
  files: string[];
}

const FLOOR: Level = {
  name: 'floor (Nest testing module on Fastify, HttpService, axios, rxjs, zod)',
  config: 'bench/test-loop/floor.jest.config.cjs',
  files: ['floor.spec.ts'],
};
const MODULE_LEVEL: Level = {
  name: 'module-level (HttpService / OrderServiceClient overridden)',
  config: 'apps/user-service/jest.config.cjs',
  files: ['user-orders.http-service.spec.ts', 'user-orders.controller.spec.ts'],
};
const FULL_STACK: Level = {
  name: 'full stack (built services as processes: User → Order, Inventory behind it)',
  config: 'e2e/full-stack/jest.e2e.config.cjs',
  files: ['user-orders.full-stack.spec.ts'],
};
const LEVELS: Level[] = [
  FLOOR,
  MODULE_LEVEL,
  { name: 'endpoint (HTTP intercepted by nock)', config: 'apps/user-service/jest.config.cjs', files: ['user-orders.endpoint.spec.ts'] },
  FULL_STACK,
];

/** Goals of issue 16 §2. */
const GOALS = { moduleLevelFirstTestOverFloor: 1.25, fullStackOverModuleLevelPerTest: 15 } as const;

interface LevelRun {
  tests: number;
  wallMs: number;
  suitesMs: number;
  testMs: number[];
  titles: string[];
  /** Per test file: from the file's start in its Jest process to its first test (module loading and beforeAll). */
  firstTestMs: Map<string, number>;
}

/**
 * The issue's scenario suite, recognised in the titles of the tests a level ran (read from jest --json), so the table
 * shows what each level really played rather than what it was meant to.
 */
const SCENARIOS: readonly { name: string; title: RegExp }[] = [
  { name: 'success', title: /user123’s (two )?orders/ },
  { name: '404', title: /^answers 404 (from|for a user)/ },
  { name: '500', title: /500 Internal Server Error from the Order Service|Order Service answers 500/ },
  { name: 'empty', title: /empty history/ },
  { name: 'timeout', title: /within the timeout|answer in time/ },
  { name: 'refused', title: /refused/ },
  { name: 'malformed / off-contract body', title: /malformed JSON|off-contract body/ },
];

interface JestJson {
  success: boolean;
  numTotalTests: number;
  numFailedTests: number;
  testResults: {
    startTime: number;
    endTime: number;
    assertionResults: { title: string; duration?: number | null; startAt?: number | null }[];
  }[];
}

/** Runs a level's files, each in a Jest process of its own so every file pays its set-up alone, as the floor does. */
async function runLevel(level: Level, round: number): Promise<LevelRun> {
  const run: LevelRun = { tests: 0, wallMs: 0, suitesMs: 0, testMs: [], titles: [], firstTestMs: new Map() };
  for (const file of level.files) {
    const outputFile = join(tmpdir(), `bench-test-loop-${process.pid}-${round}.json`);
    const jest = await timedCommand(
      process.execPath,
      [JEST, '--config', level.config, '--json', '--outputFile', outputFile, '--ci', file],
      { cwd: WORKSPACE_ROOT, timeoutMs: 180_000 },
    );
    const result = JSON.parse(readFileSync(outputFile, 'utf8')) as JestJson;
    rmSync(outputFile, { force: true });
    if (jest.code !== 0 || !result.success || result.numTotalTests === 0 || result.testResults.length !== 1) {
      throw new Error(`${level.name}, ${file}: jest failed (exit ${jest.code}, ${result.numFailedTests} failed)\n${jest.output}`);
    }
    const [suite] = result.testResults;
    const starts = suite.assertionResults.map((test) => test.startAt ?? Number.NaN);
    run.tests += result.numTotalTests;
    run.wallMs += jest.ms;
    run.suitesMs += suite.endTime - suite.startTime;
    run.testMs.push(...suite.assertionResults.map((test) => test.duration ?? 0));
    run.titles.push(...suite.assertionResults.map((test) => test.title));
    run.firstTestMs.set(file, Math.min(...starts) - suite.startTime);
  }
  return run;
}

/** Which of the issue's scenarios each level played, and how many of its tests play them. */
function scenarioCoverage(levels: { level: Level; titles: string[] }[]): string {
  return markdownTable(
    ['level', ...SCENARIOS.map((s) => s.name)],
    levels.map(({ level, titles }) => [
      level.name,
      ...SCENARIOS.map((scenario) => {
        const playing = titles.filter((title) => scenario.title.test(title)).length;
        return playing > 0 ? `✓ ${playing}` : '—';
      }),
    ]),
  );
}

async function testLevels(): Promise<{ table: string; firstTests: string; coverage: string; notes: string }> {
  const runs = new Map<string, LevelRun[]>(LEVELS.map((l) => [l.name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const order = LEVELS.map((_, i) => LEVELS[(i + round) % LEVELS.length]);
    for (const level of order) {
      const run = await runLevel(level, round);
      runs.get(level.name)?.push(run);
      console.log(`round ${round + 1}/${ROUNDS} ${level.name}: ${run.tests} tests, ${fmt(run.wallMs, 0)} ms wall`);
    }
  }
  const summary = LEVELS.map((level) => {
    const own = runs.get(level.name) ?? [];
    const firstTestMs = new Map(level.files.map((file) => [file, median(own.map((r) => r.firstTestMs.get(file) ?? Number.NaN))]));
    const figures = {
      tests: own[0].tests,
      wallMs: median(own.map((r) => r.wallMs)),
      suitesMs: median(own.map((r) => r.suitesMs)),
      medianTestMs: median(own.flatMap((r) => r.testMs)),
      perTestMs: median(own.map((r) => r.suitesMs / r.tests)),
      firstTestMs: median([...firstTestMs.values()]),
    };
    assertFigures(level.name, [...Object.values(figures), ...firstTestMs.values()]);
    return { level, titles: own[0].titles, firstTestByFile: firstTestMs, ...figures };
  });
  const of = (level: Level) => summary.find((s) => s.level === level) as (typeof summary)[number];
  const [floor, module, fullStack] = [of(FLOOR), of(MODULE_LEVEL), of(FULL_STACK)];
  const table = markdownTable(
    [
      'level',
      'tests',
      'jest wall ms',
      'suites ms (set-up incl.)',
      'to first test ms (median file)',
      '÷ floor',
      'median test ms',
      'per test ms (set-up incl.)',
      '÷ module-level',
    ],
    summary.map((s) => [
      s.level.name,
      String(s.tests),
      fmt(s.wallMs, 0),
      fmt(s.suitesMs, 0),
      fmt(s.firstTestMs, 0),
      fmt(s.firstTestMs / floor.firstTestMs, 2),
      fmt(s.medianTestMs, 1),
      fmt(s.perTestMs, 1),
      fmt(s.perTestMs / module.perTestMs, 1),
    ]),
  );
  const firstTests = markdownTable(
    ['test file', 'to first test ms (median of rounds)', '÷ floor', 'rounds'],
    summary.flatMap((s) =>
      s.level.files.map((file) => [
        file,
        fmt(s.firstTestByFile.get(file) ?? Number.NaN, 0),
        fmt((s.firstTestByFile.get(file) ?? Number.NaN) / floor.firstTestMs, 2),
        (runs.get(s.level.name) ?? []).map((r) => fmt(r.firstTestMs.get(file) ?? Number.NaN, 0)).join(', '),
      ]),
    ),
  );
  const firstTestRatio = module.firstTestMs / floor.firstTestMs;
  const ratio = fullStack.perTestMs / module.perTestMs;
  const verdict = (met: boolean) => (met ? 'met' : 'not met');
  const notes =
    `Module-level file, time to its first test ÷ the floor: **${fmt(firstTestRatio, 2)}** (goal ≤ ${GOALS.moduleLevelFirstTestOverFloor}: ` +
    `${verdict(firstTestRatio <= GOALS.moduleLevelFirstTestOverFloor)}). Full stack ÷ module-level per test (set-up included): ` +
    `**${fmt(ratio, 1)}×** (goal ≥ ${GOALS.fullStackOverModuleLevelPerTest}: ${verdict(ratio >= GOALS.fullStackOverModuleLevelPerTest)}); ` +
    `whole jest processes: ${fmt(fullStack.wallMs / module.wallMs, 1)}×. Median module-level test: **${fmt(module.medianTestMs, 1)} ms**. ` +
    `${ROUNDS} interleaved round(s), each test file in a Jest process of its own; per-test durations and start times from ` +
    'jest --json; "to first test" runs from the file\'s start in its Jest process (Jest\'s `startTime`) to its first ' +
    'test\'s `startAt` — loading modules and `beforeAll`; "suites ms" is Jest\'s per-file runtime, which includes ' +
    "beforeAll (the full stack's service start-ups).";
  return { table, firstTests, coverage: scenarioCoverage(summary.filter((s) => s.level !== FLOOR)), notes };
}

async function nxColdVsCached(): Promise<string> {
  const cold: number[] = [];
  const cached: number[] = [];
  // --skip-nx-cache runs do not fill the cache: one untimed run does, so every "cached" run below is a hit.
  await timedCommand(process.execPath, [NX, 'test', 'user-service'], { cwd: WORKSPACE_ROOT, timeoutMs: 300_000 });
  for (let round = 0; round < NX_ROUNDS; round++) {
    for (const [args, into] of [
      [['test', 'user-service', '--skip-nx-cache'], cold],
      [['test', 'user-service'], cached],
    ] as const) {
      const run = await timedCommand(process.execPath, [NX, ...args], { cwd: WORKSPACE_ROOT, timeoutMs: 300_000 });
      if (run.code !== 0) throw new Error(`nx ${args.join(' ')} failed:\n${run.output}`);
      const wantHit = into === cached;
      if (/read the output from the cache/.test(run.output) !== wantHit) {
        throw new Error(`nx ${args.join(' ')}: expected a cache ${wantHit ? 'hit' : 'miss'}:\n${run.output}`);
      }
      into.push(run.ms);
    }
  }
  assertFigures('nx test user-service', [...cold, ...cached]);
  return markdownTable(
    ['command', 'median wall ms', 'runs'],
    [
      ['npx nx test user-service --skip-nx-cache (cold)', fmt(median(cold), 0), cold.map((ms) => fmt(ms, 0)).join(', ')],
      ['npx nx test user-service (cached)', fmt(median(cached), 0), cached.map((ms) => fmt(ms, 0)).join(', ')],
    ],
  );
}

async function nxAffected(): Promise<string> {
  const clone = mkdtempSync(join(tmpdir(), 'bench-affected-'));
  try {
    const git = await timedCommand('git', ['clone', '--quiet', WORKSPACE_ROOT, clone], { cwd: tmpdir(), timeoutMs: 60_000 });
    if (git.code !== 0) throw new Error(`git clone failed:\n${git.output}`);
    symlinkSync(join(WORKSPACE_ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');
    // One line, unique per run so no cache holds its result.
    appendFileSync(join(clone, 'libs/order-client/src/lib/link-header.ts'), `// bench ${Date.now()}\n`);
    const nx = (args: string[], timeoutMs: number) =>
      timedCommand(process.execPath, [join(clone, 'node_modules/nx/dist/bin/nx.js'), ...args], { cwd: clone, timeoutMs });
    const shown = await nx(['show', 'projects', '--affected', '--base=HEAD', '--withTarget=test', '--json'], 120_000);
    const projects = JSON.parse(shown.output.slice(shown.output.indexOf('['), shown.output.lastIndexOf(']') + 1)) as string[];
    const affected = await nx(['affected', '-t', 'test', '--base=HEAD', '--output-style=static'], 600_000);
    if (affected.code !== 0) throw new Error(`nx affected -t test failed:\n${affected.output}`);
    // eslint-disable-next-line no-control-regex -- strip the ANSI colours around the target name
    const plain = affected.output.replace(/\x1b\[[0-9;]*m/g, '');
    const tasks = /Successfully ran target test for (\d+) projects?(?: and (\d+) tasks? (?:it|they) depends? on)?/.exec(plain);
    return markdownTable(
      ['after a one-line change in libs/order-client', 'projects with test', 'tasks run', 'wall ms'],
      [
        [
          'npx nx affected -t test (fresh clone, empty cache)',
          projects.sort().join(', '),
          tasks ? `${tasks[1]} test${tasks[2] ? ` + ${tasks[2]} dependency (build)` : ''}` : 'see output',
          fmt(affected.ms, 0),
        ],
      ],
    );
  } finally {
    rmSync(clone, { recursive: true, force: true });
  }
}

const COVERAGE_NOTE =
  'Scenarios each level played (✓ n: n tests whose title names it). The full stack plays the 500 and the timeout ' +
  'only on PostgreSQL (DATABASE_URL set), where a second connection renames or locks the orders table; no real ' +
  'provider sends a malformed body.';

async function main(): Promise<void> {
  const loadAtStart = loadAverage();
  const levels = await testLevels();
  const machine = describeMachine(['nx', 'jest', '@swc/jest', '@nestjs/core', 'nock'], loadAtStart);
  const sections = [`${machine}`, levels.table, levels.notes, levels.firstTests, levels.coverage, COVERAGE_NOTE];
  if (QUICK) {
    sections.push('--quick: nx cold/cached and nx affected skipped.');
  } else {
    sections.push(await nxColdVsCached(), await nxAffected());
  }
  publishResults('test-loop cost', sections.join('\n\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
