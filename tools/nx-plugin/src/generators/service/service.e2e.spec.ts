import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { run, scratchClone, verdict } from '../../testing/scratch-clone';

// The committed workspace, cloned: the generator runs as a user would run it, and the checkout stays untouched.
describe('nx g @boundary/nx-plugin:service in a scratch clone', () => {
  let clone: string;
  let remove: () => void;
  const name = `scratch${Date.now().toString(36)}-service`;
  const port = 5900 + Math.floor(Math.random() * 90);

  beforeAll(() => {
    ({ path: clone, remove } = scratchClone('nx-plugin-e2e-'));
  });
  afterAll(() => remove?.());

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
    // Written by starting the app once: the breaking-change check compares it across commits.
    expect(existsSync(join(clone, 'apps', name, 'openapi.json'))).toBe(true);
    const verdicts = verdict(clone, `npx nx run-many -t lint typecheck test build -p ${name} --output-style=static`);
    expect({ status: verdicts.status, failures: verdicts.failures }).toEqual({ status: 0, failures: '' });
  });
});
