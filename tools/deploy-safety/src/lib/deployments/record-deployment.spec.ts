import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Service } from '../workspace/services';
import { recordDeployment, type RecordDeploymentRequest } from './record-deployment';

const services: Service[] = [
  { name: 'orders', root: 'apps/orders', openApiDocument: 'apps/orders/openapi.json' },
  { name: 'stock', root: 'apps/stock', openApiDocument: 'apps/stock/openapi.json' },
];
const now = new Date('2026-12-01T10:00:00.000Z');

describe('recordDeployment', () => {
  let root: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  const write = (file: string, content: string) => {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), content);
  };
  const record = (request: Partial<RecordDeploymentRequest>) =>
    recordDeployment({ root, services, service: 'orders', environment: 'production', now, ...request });
  const production = () => JSON.parse(readFileSync(join(root, 'deployments/production.json'), 'utf8'));

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'record-deployment-'));
    git('init', '--quiet');
    git('config', 'user.email', 'record@test.local');
    git('config', 'user.name', 'record');
    write('deployments/environments.json', '["staging", "production"]\n');
    write('apps/orders/main.ts', 'v1\n');
    write('apps/stock/main.ts', 'v1\n');
    git('add', '-A');
    git('commit', '--quiet', '-m', 'v1');
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes the service’s HEAD commit and the time, and says which file to commit', () => {
    const head = git('rev-parse', 'HEAD');
    expect(record({})).toBe(`Recorded orders@${head.slice(0, 7)} in production: commit deployments/production.json.`);
    expect(production()).toEqual({ orders: { commit: head, time: '2026-12-01T10:00:00.000Z' } });
  });

  it('records a named commit beside what the environment already runs', () => {
    const first = git('rev-parse', 'HEAD');
    write('apps/stock/main.ts', 'v2\n');
    git('commit', '--quiet', '-am', 'v2');
    record({ service: 'stock' });
    record({ commit: first.slice(0, 10) });
    expect(production()).toEqual({
      orders: { commit: first, time: now.toISOString() },
      stock: { commit: git('rev-parse', 'HEAD'), time: now.toISOString() },
    });
  });

  it('ignores uncommitted changes in another service’s files', () => {
    write('apps/stock/main.ts', 'edited\n');
    expect(() => record({})).not.toThrow();
  });

  it.each([
    ['an unknown service', { service: 'billing' }, "Unknown service 'billing': services are orders, stock."],
    [
      'an unknown environment',
      { environment: 'prod' },
      "Unknown environment 'prod': known environments are staging, production (deployments/environments.json).",
    ],
    ['no environment', { environment: undefined }, 'Name the environment (--environment/--to): one of staging, production.'],
    ['a commit that does not exist', { commit: 'deadbeef' }, "Commit 'deadbeef' does not exist in this repository."],
  ])('refuses %s in one line and writes nothing', (_case, request, message) => {
    expect(() => record(request)).toThrow(message);
    expect(existsSync(join(root, 'deployments/production.json'))).toBe(false);
  });

  it('refuses a deployments file that is not JSON, naming it, and leaves it as it was', () => {
    write('deployments/production.json', '{ "orders": ');
    expect(() => record({})).toThrow(/^deployments\/production\.json is not valid JSON \(.+\): fix or restore it from git\.$/);
    expect(readFileSync(join(root, 'deployments/production.json'), 'utf8')).toBe('{ "orders": ');
  });

  it('refuses an environment list that is not a list of names', () => {
    write('deployments/environments.json', '{"production": true}');
    expect(() => record({})).toThrow('deployments/environments.json must be a JSON array of environment names.');
  });

  it.each([
    ['a modified file', () => write('apps/orders/main.ts', 'edited\n')],
    ['an untracked file', () => write('apps/orders/new.ts', 'new\n')],
  ])('refuses uncommitted changes in the service’s own files (%s) and writes nothing', (_case, change) => {
    change();
    expect(() => record({})).toThrow('apps/orders has uncommitted changes (1 file): commit them, then record the deployment.');
    expect(existsSync(join(root, 'deployments/production.json'))).toBe(false);
  });
});
