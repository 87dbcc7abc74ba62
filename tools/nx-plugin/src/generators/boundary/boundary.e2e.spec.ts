import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { outcome, run, scratchClone } from '../../testing/scratch-clone';

// Two services made by the service generator (a provider with --database, a consumer without), then the boundary
// between them, in a clone of the committed workspace: every generated or touched project passes as generated.
describe('nx g @boundary/nx-plugin:boundary in a scratch clone', () => {
  let clone: string;
  let remove: () => void;
  const id = Date.now().toString(36);
  const provider = `stock${id}`;
  const consumer = `shop${id}`;
  const port = 5800 + Math.floor(Math.random() * 90);
  const options = `--provider ${provider}-service --consumer ${consumer}-service --resource stock-levels`;

  beforeAll(() => {
    ({ path: clone, remove } = scratchClone('nx-plugin-boundary-e2e-'));
    expect(outcome(clone, `npx nx g @boundary/nx-plugin:service ${provider}-service --port ${port} --database`)).toEqual({ status: 0, output: '' });
    expect(outcome(clone, `npx nx g @boundary/nx-plugin:service ${consumer}-service --port ${port + 1}`)).toEqual({ status: 0, output: '' });
    expect(outcome(clone, 'git add -A && git -c user.email=e2e@test.local -c user.name=e2e commit --quiet -m services')).toEqual({
      status: 0,
      output: '',
    });
  });
  afterAll(() => remove?.());

  it('refuses a provider that is not an app in one line and writes nothing', () => {
    const { status, output } = run(clone, `npx nx g @boundary/nx-plugin:boundary ${options.replace(`${provider}-service`, 'nowhere-service')}`);
    expect(status).not.toBe(0);
    expect(output).toContain('Unknown provider "nowhere-service": pass an existing app');
    expect(run(clone, 'git status --porcelain').output).toBe('');
  });

  it('lists what it would write with --dry-run, and writes nothing', () => {
    const { status, output } = run(clone, `npx nx g @boundary/nx-plugin:boundary ${options} --dry-run`);
    expect(status).toBe(0);
    expect(output).toContain(`CREATE libs/${provider}-client/src/lib/${provider}-service.client.ts`);
    expect(output).toContain('UPDATE eslint.config.mjs');
    expect(run(clone, 'git status --porcelain').output).toBe('');
  });

  it('generates a boundary whose lint, typecheck, test, contract and verify pass as generated', () => {
    expect(run(clone, `npx nx g @boundary/nx-plugin:boundary ${options}`).status).toBe(0);
    expect(run(clone, 'git status --porcelain').output).not.toMatch(/package(-lock)?\.json/);
    // The provider's committed OpenAPI document follows its new route.
    expect(readFileSync(join(clone, 'apps', `${provider}-service`, 'openapi.json'), 'utf8')).toContain('/stock-levels/{stockLevelId}');
    const projects = [`${provider}-contract`, `${provider}-client`, `${provider}-service`, `${consumer}-service`].join(',');
    expect(
      outcome(clone, `npx nx run-many -t lint typecheck test contract verify -p ${projects} --parallel=2 --output-style=static`),
    ).toEqual({ status: 0, output: '' });
  });

  it('makes nx affected run the consumer’s contract and the provider’s verification when the consumer changes', () => {
    const affected = (target: string) =>
      JSON.parse(
        run(clone, `npx nx show projects --affected --files=apps/${consumer}-service/src/main.ts --withTarget ${target} --json`).stdout,
      ) as string[];
    expect({ contract: affected('contract'), verify: affected('verify') }).toEqual({
      contract: [`${consumer}-service`],
      verify: [`${provider}-service`],
    });
  });
});
