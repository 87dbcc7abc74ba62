import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDeployments } from '../deployments/deployments';
import type { Service } from '../workspace/services';
import { canIDeploy, type CanIDeployRequest } from './can-i-deploy';
import { formatMatrix } from './matrix';

const service = (name: string): Service => ({ name, root: `apps/${name}`, openApiDocument: `apps/${name}/openapi.json` });
const services = ['lonely', 'shop', 'stock'].map(service);

/**
 * A stand-in for a provider's verification spec, as a `verify` command: it checks the pact PACT_FILE names
 * against the fields listed in provides.json and prints failures the way pact-core does.
 */
const VERIFY_SCRIPT = `const { readFileSync } = require('node:fs');
const pact = JSON.parse(readFileSync(process.env.PACT_FILE, 'utf8'));
const provides = JSON.parse(readFileSync(__dirname + '/provides.json', 'utf8'));
if (provides.includes('crash')) { console.error('database unavailable'); process.exit(2); }
const failing = pact.interactions.filter((i) => i.expects.some((field) => !provides.includes(field)));
if (failing.length === 0) process.exit(0);
console.log('Failures:\\n');
failing.forEach((i, n) => {
  console.log(n + 1 + ') Verifying a pact between ' + pact.consumer.name + ' and ' + pact.provider.name + ' - ' + i.description);
  console.log('    ' + (n + 1) + '.1) has a matching body');
  console.log('           $ -> Actual map is missing the following keys: ' + i.expects.filter((f) => !provides.includes(f)).join(', '));
});
console.log('\\nThere were ' + failing.length + ' pact failures');
process.exit(1);
`;

describe('canIDeploy', () => {
  let root: string;
  let install: jest.Mock;
  let logged: string[];
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  const write = (file: string, content: unknown) => {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), typeof content === 'string' ? content : JSON.stringify(content));
  };
  const commit = (message: string) => {
    git('add', '-A');
    git('commit', '--quiet', '-m', message);
    return git('rev-parse', 'HEAD');
  };
  const shopExpects = (...fields: string[]) =>
    write('pacts/shop-stock.json', {
      consumer: { name: 'shop' },
      provider: { name: 'stock' },
      interactions: [{ description: 'a request for the stock of an item', expects: fields }],
    });
  const stockProvides = (...fields: string[]) => write('apps/stock/provides.json', fields);
  const deploy = (deployments: Record<string, string>) =>
    writeDeployments(
      root,
      'production',
      Object.fromEntries(Object.entries(deployments).map(([name, sha]) => [name, { commit: sha, time: '2026-12-01T10:00:00.000Z' }])),
    );
  const ask = (request: Partial<CanIDeployRequest> = {}) =>
    canIDeploy({
      root,
      cacheDir: join(root, '.deploy-safety'),
      install,
      log: (line) => logged.push(line),
      services,
      service: 'shop',
      environment: 'production',
      ...request,
    });

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'can-i-deploy-unit-'));
    install = jest.fn((dir: string) => mkdirSync(join(dir, 'node_modules')));
    logged = [];
    git('init', '--quiet');
    git('config', 'user.email', 'unit@test.local');
    git('config', 'user.name', 'unit');
    write('.gitignore', 'node_modules\n.deploy-safety\n');
    mkdirSync(join(root, 'node_modules'));
    write('package.json', '{}');
    write('package-lock.json', '{"lockfileVersion": 3}');
    write('deployments/environments.json', ['staging', 'production']);
    write('apps/stock/project.json', { targets: { verify: { options: { cwd: 'apps/stock', command: 'node verify.js' } } } });
    write('apps/stock/verify.js', VERIFY_SCRIPT);
    stockProvides('count');
    shopExpects('count');
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('answers yes for a service with no pacts, saying why', () => {
    commit('v1');
    const answer = ask({ service: 'lonely' });
    expect(answer).toMatchObject({ deployable: true, rows: [] });
    expect(formatMatrix(answer).split('\n').at(-1)).toBe(
      'Yes: nothing to verify. lonely has no pact at HEAD as a consumer, and no consumer deployed in production has a pact with it.',
    );
  });

  it('verifies a consumer’s pact at HEAD against the provider deployed, and answers from the cache the second time', () => {
    const v1 = commit('v1');
    deploy({ stock: v1 });
    const answer = ask();
    expect(answer.rows).toEqual([
      { consumer: 'shop', consumerCommit: v1, provider: 'stock', providerCommit: v1, outcome: 'verified', failures: [], cached: false },
    ]);
    expect(answer.deployable).toBe(true);
    expect(ask().rows[0]).toMatchObject({ outcome: 'verified', cached: true });
  });

  it('starts again from a worktree folder that an interrupted run left behind', () => {
    const v1 = commit('v1');
    deploy({ stock: v1 });
    write(`.deploy-safety/worktrees/${v1}/apps/stock/half-written.txt`, 'interrupted');
    expect(ask().rows[0]).toMatchObject({ outcome: 'verified' });
    expect(logged).toContain(`preparing ${v1.slice(0, 7)} in a scratch worktree (${join(root, '.deploy-safety/worktrees', v1)})`);
  });

  it('answers no when a provider the consumer’s pact needs is not deployed there', () => {
    commit('v1');
    const answer = ask();
    expect(answer.deployable).toBe(false);
    expect(formatMatrix(answer)).toContain(`shop@${answer.commit.slice(0, 7)} × stock@(not deployed) → failed\n      stock is not deployed in production`);
  });

  it('as a provider, verifies each deployed consumer’s pact as it was at that consumer’s commit', () => {
    const v1 = commit('v1');
    deploy({ shop: v1 });
    stockProvides('quantity');
    shopExpects('quantity'); // the shop's newer pact is not deployed: its deployed one still expects count
    const v2 = commit('stock renames count');
    const answer = ask({ service: 'stock' });
    expect(answer.deployable).toBe(false);
    expect(answer.rows).toEqual([
      expect.objectContaining({ consumer: 'shop', consumerCommit: v1, providerCommit: v2, outcome: 'failed' }),
    ]);
    expect(answer.rows[0].failures).toEqual([
      { interaction: 'a request for the stock of an item', mismatches: ['$ -> Actual map is missing the following keys: count'] },
    ]);
  });

  // A message pact (V4 asynchronous messages) is a pact like any other: the provider's verification produces each
  // message and reports one it no longer produces as a failure (apps/order-service's verification; the output it
  // prints then is fixtures/message-not-published.verifier-output.txt).
  it('as a provider, refuses when a deployed consumer’s message pact expects an event it no longer publishes', () => {
    write('pacts/lonely-stock.json', {
      consumer: { name: 'lonely' },
      provider: { name: 'stock' },
      interactions: [{ type: 'Asynchronous/Messages', description: 'a stock.changed event', expects: ['stock.changed'] }],
    });
    stockProvides('count', 'stock.changed');
    const v1 = commit('lonely listens to stock.changed');
    deploy({ lonely: v1 });
    stockProvides('count');
    const v2 = commit('stock stops publishing stock.changed');
    const answer = ask({ service: 'stock' });
    expect(answer.deployable).toBe(false);
    expect(answer.rows).toEqual([
      expect.objectContaining({ consumer: 'lonely', consumerCommit: v1, provider: 'stock', providerCommit: v2, outcome: 'failed' }),
    ]);
    expect(answer.rows[0].failures).toEqual([
      { interaction: 'a stock.changed event', mismatches: ['$ -> Actual map is missing the following keys: stock.changed'] },
    ]);
  });

  it('as a provider with several consumers, verifies the pact of each consumer deployed there, one verdict each', () => {
    const consumerExpects = (consumer: string, ...fields: string[]) =>
      write(`pacts/${consumer}-stock.json`, {
        consumer: { name: consumer },
        provider: { name: 'stock' },
        interactions: [{ description: `${consumer} asks for the stock of an item`, expects: fields }],
      });
    consumerExpects('warehouse', 'count', 'location');
    consumerExpects('audit', 'history'); // audit is not deployed: its pact is not checked
    const v1 = commit('three consumers');
    deploy({ shop: v1, warehouse: v1 });
    const answer = ask({ service: 'stock' });
    expect(answer.rows.map(({ consumer, outcome }) => ({ consumer, outcome }))).toEqual([
      { consumer: 'shop', outcome: 'verified' },
      { consumer: 'warehouse', outcome: 'failed' },
    ]);
    expect(answer.rows[1].failures).toEqual([
      { interaction: 'warehouse asks for the stock of an item', mismatches: ['$ -> Actual map is missing the following keys: location'] },
    ]);
    expect(answer.deployable).toBe(false);
  });

  it('cannot verify against a provider commit whose verification predates PACT_FILE, and says so', () => {
    write('apps/stock/verify.js', 'process.exit(0);\n');
    const old = commit('a verification that checks pacts/ only');
    write('apps/stock/verify.js', VERIFY_SCRIPT);
    commit('v2');
    deploy({ stock: old });
    const answer = ask();
    expect(answer.deployable).toBe(false);
    expect(answer.rows[0]).toMatchObject({
      outcome: 'unverifiable',
      reason: `stock@${old.slice(0, 7)} predates PACT_FILE: its verification cannot check a named pact`,
    });
  });

  it('verifies against a provider whose verification takes its pacts from the kit’s pactsUnderVerification', () => {
    // The kit reads PACT_FILE; the provider's own code names only the kit's function.
    write('libs/kit/pacts.js', "exports.pactsUnderVerification = () => [process.env['PACT_' + 'FILE']];\n");
    write(
      'apps/stock/verify.js',
      VERIFY_SCRIPT.replace('process.env.PACT_FILE', "require('../../libs/kit/pacts.js').pactsUnderVerification('stock')[0]"),
    );
    const v1 = commit('the verification reads its pacts through the kit');
    deploy({ stock: v1 });
    expect(ask().rows[0]).toMatchObject({ outcome: 'verified' });
  });

  it('does not cache a run that failed without a verdict, so the next run tries again', () => {
    stockProvides('crash');
    const v1 = commit('v1');
    deploy({ stock: v1 });
    expect(ask().rows[0]).toMatchObject({ outcome: 'unverifiable', cached: false, reason: expect.stringContaining('database unavailable') });
    expect(ask().rows[0]).toMatchObject({ outcome: 'unverifiable', cached: false });
    expect(logged.filter((line) => line.startsWith('verifying'))).toHaveLength(2);
  });

  it('installs dependencies only for a provider commit whose lockfile differs, once per lockfile', () => {
    write('package-lock.json', '{"lockfileVersion": 3, "packages": {"old": {}}}');
    const old = commit('an older lockfile');
    write('apps/stock/notes.md', 'same lockfile, another commit');
    const sameLock = commit('another commit with it');
    write('package-lock.json', '{"lockfileVersion": 3}');
    const current = commit('the lockfile node_modules was installed from');
    deploy({ stock: current });
    ask();
    expect(install).not.toHaveBeenCalled();
    deploy({ stock: old });
    ask();
    deploy({ stock: sameLock });
    ask();
    expect(install).toHaveBeenCalledTimes(1);
    expect(readFileSync(join(install.mock.calls[0][0], 'package-lock.json'), 'utf8')).toContain('"old"');
    expect(existsSync(join(root, '.deploy-safety/worktrees', sameLock, 'node_modules'))).toBe(true);
  });

  it.each([
    ['an unknown service', { service: 'billing' }, "Unknown service 'billing': services are lonely, shop, stock."],
    ['an unknown environment', { environment: 'prod' }, "Unknown environment 'prod': known environments are staging, production"],
    ['no environment', { environment: undefined }, 'Name the environment (--environment/--to): one of staging, production.'],
  ])('refuses %s in one line, verifying nothing', (_case, request, message) => {
    commit('v1');
    expect(() => ask(request)).toThrow(message);
    expect(existsSync(join(root, '.deploy-safety'))).toBe(false);
  });
});
