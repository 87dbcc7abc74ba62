import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeNestApplication } from '../../testing/nest-application';
import { commitAll, outcome, run, scratchClone, verdict } from '../../testing/scratch-clone';

// Two services made by the service generator (a provider with --database, a consumer without), then the boundary
// between them, in a clone of the committed workspace: every generated or touched project passes as generated. Then
// the apps it did not write: the repository's User and Order Services as consumers of a fresh provider, and apps made
// by @nx/nest:application as provider and as a provider's second consumer.
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
    expect(outcome(clone, commitAll('services'))).toEqual({
      status: 0,
      output: '',
    });
  });
  afterAll(() => remove?.());
  const commit = (message: string) =>
    expect(outcome(clone, commitAll(message))).toEqual({ status: 0, output: '' });

  it('refuses a provider that is not an app in one line and writes nothing', () => {
    const { status, output } = run(clone, `npx nx g @boundary/nx-plugin:boundary ${options.replace(`${provider}-service`, 'nowhere-service')}`);
    expect(status).not.toBe(0);
    expect(output).toContain('Unknown provider "nowhere-service": pass an existing app');
    expect(run(clone, 'git status --porcelain').output).toBe('');
  });

  it('lists what it would write with --dry-run, and writes nothing', () => {
    const { status, output } = run(clone, `npx nx g @boundary/nx-plugin:boundary ${options} --dry-run`);
    expect(status).toBe(0);
    expect(output).toContain(`CREATE libs/${provider}-client/src/index.ts`);
    expect(output).toContain('UPDATE eslint.config.mjs');
    expect(run(clone, 'git status --porcelain').output).toBe('');
  });

  it('generates a boundary whose lint, typecheck, test, contract and verify pass as generated', () => {
    expect(run(clone, `npx nx g @boundary/nx-plugin:boundary ${options}`).status).toBe(0);
    expect(run(clone, 'git status --porcelain').output).not.toMatch(/package(-lock)?\.json/);
    // The provider's committed OpenAPI document follows its new route.
    expect(readFileSync(join(clone, 'apps', `${provider}-service`, 'openapi.json'), 'utf8')).toContain('/stock-levels/{stockLevelId}');
    const projects = [`${provider}-contract`, `${provider}-client`, `${provider}-service`, `${consumer}-service`].join(',');
    const verdicts = verdict(clone, `npx nx run-many -t lint typecheck test contract verify -p ${projects} --parallel=2 --output-style=static`);
    expect({ status: verdicts.status, failures: verdicts.failures }).toEqual({ status: 0, failures: '' });
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

  it('wires the User Service and the Order Service to a fresh provider, every target passing', () => {
    commit('boundary');
    const payments = `pay${id}`;
    expect(outcome(clone, `npx nx g @boundary/nx-plugin:service ${payments}-service --port ${port + 2}`)).toEqual({ status: 0, output: '' });
    for (const app of ['user-service', 'order-service']) {
      expect(outcome(clone, `npx nx g @boundary/nx-plugin:boundary --provider ${payments}-service --consumer ${app} --resource charges`)).toEqual({
        status: 0,
        output: '',
      });
    }
    const projects = [`${payments}-contract`, `${payments}-client`, `${payments}-service`, 'user-service', 'order-service'].join(',');
    const verdicts = verdict(clone, `npx nx run-many -t lint typecheck test contract verify -p ${projects} --parallel=2 --output-style=static`);
    expect({ status: verdicts.status, failures: verdicts.failures }).toEqual({ status: 0, failures: '' });
    // One verdict per consumer.
    expect(verdicts.output).toContain(`${payments}-service honours the pact of user-service (provider)`);
    expect(verdicts.output).toContain(`${payments}-service honours the pact of order-service (provider)`);
  });

  it('wires apps made by @nx/nest:application: one as a provider’s second consumer and as a consumer of another, every target passing', () => {
    commit('payments');
    const [front, ledger] = [`front${id}`, `ledger${id}`];
    writeNestApplication(clone, front);
    writeNestApplication(clone, ledger);
    const boundaries = [`--provider ${provider}-service --consumer ${front} --resource stock-levels`, `--provider ${ledger} --consumer ${front} --resource entries`];
    for (const boundary of boundaries) {
      expect(outcome(clone, `npx nx g @boundary/nx-plugin:boundary ${boundary}`)).toEqual({ status: 0, output: '' });
    }
    const projects = [front, ledger, `${ledger}-contract`, `${ledger}-client`, `${provider}-service`].join(',');
    const verdicts = verdict(clone, `npx nx run-many -t lint typecheck test contract verify -p ${projects} --parallel=2 --output-style=static`);
    expect({ status: verdicts.status, failures: verdicts.failures }).toEqual({ status: 0, failures: '' });
    expect(verdicts.output).toContain(`${provider}-service honours the pact of ${consumer}-service (provider)`);
    expect(verdicts.output).toContain(`${provider}-service honours the pact of ${front} (provider)`);
    expect(verdicts.output).toContain(`${ledger} honours the pact of ${front} (provider)`);

    // The same command again changes nothing and says so.
    commit('nest-apps');
    const again = run(clone, `npx nx g @boundary/nx-plugin:boundary ${boundaries[1]}`);
    expect(again.status).toBe(0);
    expect(again.output).toContain(`${front} already consumes ${ledger}`);
    expect(run(clone, 'git status --porcelain').output).toBe('');
  });
});
