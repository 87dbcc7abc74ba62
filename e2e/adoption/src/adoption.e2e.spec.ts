import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, lstatSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startLocalRegistry, WORKSPACE_ROOT, type LocalRegistry } from './local-registry';
import { LAYOUTS, nestApplication, ScratchWorkspace } from './scratch-workspace';

/** The packages a team installs: one version for the family (nx release). */
const PUBLISHED = ['@boundary/http-conventions', '@boundary/client-core', '@boundary/testing', '@boundary/service-kit', '@boundary/nx-plugin'];
const VERSION = (JSON.parse(readFileSync(join(WORKSPACE_ROOT, 'tools/nx-plugin/package.json'), 'utf8')) as { version: string }).version;

let registry: LocalRegistry;

beforeAll(async () => {
  registry = await startLocalRegistry();
  // Every package from its built dist/ folder, as `nx release publish` would publish a release.
  execFileSync(process.execPath, [join(WORKSPACE_ROOT, 'node_modules/nx/dist/bin/nx.js'), 'release', 'publish', `--registry=${registry.url}`, '--tag=e2e'], {
    cwd: WORKSPACE_ROOT,
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', npm_config_userconfig: registry.userConfig },
    stdio: 'pipe',
  });
});

afterAll(async () => {
  await registry?.stop();
});

describe.each(LAYOUTS)('a fresh Nx workspace laid out with $name adopts the kit from a registry', (layout) => {
  const workspace = new ScratchWorkspace();
  afterAll(() => workspace.remove());

  // Each step as the README's "Use it in your workspace" gives it; a failed step shows its command and output.
  const step = (command: string, cwd?: string) => expect(workspace.run(command, cwd)).toEqual({ step: command, status: 0, output: '' });

  it('installs the plugin, wires one provider to two consumers made by @nx/nest, and passes every target', () => {
    const [create, ...rest] = layout.create;
    step(create, workspace.parent);
    for (const command of rest) step(command);
    step(nestApplication('users'));
    step(nestApplication('orders'));
    // Only the @boundary scope comes from the local registry; everything else from the workspace's usual one.
    writeFileSync(join(workspace.path, '.npmrc'), `@boundary:registry=${registry.url}\n`);
    step(`npm install --save-dev @boundary/nx-plugin@${VERSION}`);
    const payments = layout.project('payments');
    step(`npx nx g @boundary/nx-plugin:boundary --provider ${payments} --consumer ${layout.project('users')} --resource charges`);
    step(`npx nx g @boundary/nx-plugin:boundary --provider ${payments} --consumer ${layout.project('orders')} --resource charges`);
    step('npm install');
    // With TypeScript project references, Nx adds the new libraries to the apps' tsconfig references (a no-op with paths).
    step('npx nx sync');
    step('git init --quiet && git add -A && git -c user.email=e2e@test.local -c user.name=e2e commit --quiet -m adopted');

    step('npx nx run-many -t lint test contract verify');
    // The pacts sit in the workspace's pacts/, where the contract targets declare them and can-i-deploy reads them.
    const pacts = ['users', 'orders'].map((consumer) => `pacts/${consumer}-payments.json`);
    expect(pacts.filter((pact) => !existsSync(join(workspace.path, pact)))).toEqual([]);

    // A change to the provider's contract re-runs what depends on it, both consumers' pacts and the verification.
    appendFileSync(join(workspace.path, 'libs/payments-contract/src/index.ts'), '\n// a change a team makes\n');
    step('git add -A && git -c user.email=e2e@test.local -c user.name=e2e commit --quiet -m change');
    step('npx nx affected -t lint test contract verify --base=HEAD~1 --head=HEAD');

    // Installed from the registry, not linked back into this repository.
    for (const name of PUBLISHED) {
      const installed = join(workspace.path, 'node_modules', name);
      expect({ name, installed: existsSync(installed) && !lstatSync(installed).isSymbolicLink() }).toEqual({ name, installed: true });
      expect((JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { version: string }).version).toBe(VERSION);
    }
    expect(workspace.filesMentioning(WORKSPACE_ROOT)).toEqual([]);
  });
});
