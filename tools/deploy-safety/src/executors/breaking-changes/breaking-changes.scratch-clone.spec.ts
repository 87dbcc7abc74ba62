import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const workspaceRoot = join(__dirname, '../../../../..');
const DOCUMENT = 'apps/user-service/openapi.json';

/** The CI step as .ci/run runs it, on real commits of a scratch clone. */
describe('nx run deploy-safety:breaking-changes --base=HEAD~1 in a scratch clone', () => {
  jest.setTimeout(120_000);
  const clone = mkdtempSync(join(tmpdir(), 'breaking-changes-'));

  function run(command: string, args: string[]): { status: number | null; output: string } {
    const result = spawnSync(command, args, {
      cwd: clone,
      encoding: 'utf8',
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0' },
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  }
  const git = (...args: string[]) => run('git', args);
  const check = () => run(process.execPath, [join(clone, 'node_modules/nx/dist/bin/nx.js'), 'run', 'deploy-safety:breaking-changes', '--base=HEAD~1']);

  /** Commits the user-service document without its one-order route, with `message`. */
  function dropOneOrderRoute(message: string): void {
    const document = JSON.parse(readFileSync(join(clone, DOCUMENT), 'utf8'));
    delete document.paths['/users/{userId}/orders/{orderId}'];
    writeFileSync(join(clone, DOCUMENT), JSON.stringify(document, null, 2));
    git('commit', '--quiet', '-am', message);
  }

  beforeAll(() => {
    expect(run('git', ['clone', '--quiet', '--no-hardlinks', workspaceRoot, clone]).status).toBe(0);
    symlinkSync(realpathSync(join(workspaceRoot, 'node_modules')), join(clone, 'node_modules'));
    git('config', 'user.email', 'breaking@test.local');
    git('config', 'user.name', 'breaking-changes test');
  });

  afterAll(() => rmSync(clone, { recursive: true, force: true }));

  it('fails a commit that removes a route of the User Service’s public API, naming it', () => {
    dropOneOrderRoute('drop one order of a user');
    const { status, output } = check();
    expect(status).not.toBe(0);
    expect(output).toContain('✗ user-service: 1 breaking change');
    expect(output).toContain('- removed route /users/{userId}/orders/{orderId}');
    expect(output).toContain('Breaking-API-Change: user-service: <why its clients can cope>');
  });

  it('passes the same change when the commit message accepts it', () => {
    git('reset', '--quiet', '--hard', 'HEAD~1');
    dropOneOrderRoute('drop one order of a user\n\nBreaking-API-Change: user-service: no client in another language reads one order yet');
    const { status, output } = check();
    expect(output).toContain('! user-service: 1 breaking change accepted by the commit message: no client in another language reads one order yet');
    expect(output).toContain('✓ order-service: no breaking change');
    expect(status).toBe(0);
  });
});
