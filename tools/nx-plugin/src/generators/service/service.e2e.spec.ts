import { spawnSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const workspaceRoot = join(__dirname, '../../../../..');

/** Runs `command` in `cwd` without a daemon or cloud, and returns its exit status and output. */
function run(cwd: string, command: string): { status: number | null; output: string } {
  const result = spawnSync(command, {
    cwd,
    shell: true,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0' },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

// The committed workspace, cloned: the generator runs as a user would run it, and the checkout stays untouched.
describe('nx g @boundary/nx-plugin:service in a scratch clone', () => {
  const clone = mkdtempSync(join(tmpdir(), 'nx-plugin-e2e-'));
  const name = `scratch${Date.now().toString(36)}-service`;
  const port = 5900 + Math.floor(Math.random() * 90);

  beforeAll(() => {
    expect(run(tmpdir(), `git clone --quiet ${workspaceRoot} ${clone}`).status).toBe(0);
    symlinkSync(realpathSync(join(workspaceRoot, 'node_modules')), join(clone, 'node_modules'));
  });
  afterAll(() => rmSync(clone, { recursive: true, force: true }));

  it('refuses a port another app records in one line and writes nothing', () => {
    const { status, output } = run(clone, `npx nx g @boundary/nx-plugin:service ${name} --port 5001`);
    expect(status).not.toBe(0);
    expect(output).toContain('Port 5001 is already recorded by order-service: choose another port.');
    expect(run(clone, 'git status --porcelain').output).toBe('');
  });

  it('lists what it would write with --dry-run, and writes nothing', () => {
    const { status, output } = run(clone, `npx nx g @boundary/nx-plugin:service ${name} --port ${port} --dry-run`);
    expect(status).toBe(0);
    expect(output).toContain(`CREATE apps/${name}/project.json`);
    expect(run(clone, 'git status --porcelain').output).toBe('');
  });

  it('generates a service whose lint, typecheck, test and build pass as generated', () => {
    expect(run(clone, `npx nx g @boundary/nx-plugin:service ${name} --port ${port}`).status).toBe(0);
    expect(run(clone, 'git status --porcelain').output).not.toMatch(/package(-lock)?\.json/);
    const targets = run(clone, `npx nx run-many -t lint typecheck test build -p ${name} --output-style=static`);
    expect({ status: targets.status, output: targets.status === 0 ? '' : targets.output }).toEqual({ status: 0, output: '' });
  });
});
