import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const workspaceRoot = join(__dirname, '../../..');

/**
 * The contract wiring under `nx affected`, proved on real commits: a scratch clone of this repository gets a
 * one-line commit, and Nx is asked which projects would run the consumer contract tests (`contract`) and the
 * provider verification (`verify`).
 */
describe('nx affected runs the contract targets exactly when they can be affected', () => {
  jest.setTimeout(120_000);
  let clone: string;

  beforeAll(() => {
    clone = mkdtempSync(join(tmpdir(), 'affected-'));
    execFileSync('git', ['clone', '--quiet', '--no-hardlinks', workspaceRoot, clone]);
    symlinkSync(join(workspaceRoot, 'node_modules'), join(clone, 'node_modules'));
    git('config', 'user.email', 'affected@test.local');
    git('config', 'user.name', 'affected test');
  });

  afterAll(() => rmSync(clone, { recursive: true, force: true }));

  function git(...args: string[]): void {
    execFileSync('git', args, { cwd: clone, stdio: 'ignore' });
  }

  /** Appends a line to `file`, commits it, and returns the affected projects that have `target`. */
  function commitAndAsk(file: string, targets: string[]): Record<string, string[]> {
    appendFileSync(join(clone, file), '\n// touched by contract-affected.spec\n');
    git('commit', '--quiet', '-am', `touch ${file}`);
    const answers: Record<string, string[]> = {};
    for (const target of targets) {
      const out = execFileSync(
        process.execPath,
        [join(clone, 'node_modules/nx/dist/bin/nx.js'), 'show', 'projects', '--affected', '--base=HEAD~1', '--head=HEAD',
          '--withTarget', target, '--json'],
        { cwd: clone, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } },
      );
      answers[target] = (JSON.parse(out) as string[]).sort();
    }
    return answers;
  }

  it('a change in libs/order-client re-runs the consumer contract and the provider verification', () => {
    expect(commitAndAsk('libs/order-client/src/index.ts', ['contract', 'verify'])).toEqual({
      contract: ['user-service'],
      verify: ['order-service'],
    });
  });

  it('a change in apps/user-service re-runs the consumer contract and the provider verification', () => {
    expect(commitAndAsk('apps/user-service/src/main.ts', ['contract', 'verify'])).toEqual({
      contract: ['user-service'],
      verify: ['order-service'],
    });
  });

  it('a change in apps/order-service re-runs only the verification, against the committed pacts', () => {
    expect(commitAndAsk('apps/order-service/src/main.ts', ['contract', 'verify'])).toEqual({
      contract: [],
      verify: ['order-service'],
    });
  });

  it('a change in neither runs neither', () => {
    expect(commitAndAsk('tools/architecture/src/module-boundaries.spec.ts', ['contract', 'verify'])).toEqual({
      contract: [],
      verify: [],
    });
  });
});
