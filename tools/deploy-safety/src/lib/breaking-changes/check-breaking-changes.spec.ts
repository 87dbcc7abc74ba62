import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Service } from '../workspace/services';
import { checkBreakingChanges, formatVerdicts, overridesIn, passes } from './check-breaking-changes';

const workspaceRoot = join(__dirname, '../../../../..');
const orderServiceDocument = JSON.parse(readFileSync(join(workspaceRoot, 'apps/order-service/openapi.json'), 'utf8'));

const orders: Service = { name: 'orders', root: 'apps/orders', openApiDocument: 'apps/orders/openapi.json' };
const stock: Service = { name: 'stock', root: 'apps/stock', openApiDocument: 'apps/stock/openapi.json' };

describe('checkBreakingChanges across commits of a repository', () => {
  let repo: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'ignore' });
  const write = (service: Service, document: unknown) => {
    mkdirSync(join(repo, service.root), { recursive: true });
    writeFileSync(join(repo, service.openApiDocument), JSON.stringify(document));
  };
  const commit = (message: string) => {
    git('add', '-A');
    git('commit', '--quiet', '--allow-empty', '-m', message);
  };
  const withoutOrderRoute = () => {
    const paths = { ...orderServiceDocument.paths };
    delete paths['/orders/{orderId}'];
    return { ...orderServiceDocument, paths };
  };

  beforeEach(() => {
    repo = mkdtempSync(join(tmpdir(), 'breaking-changes-'));
    git('init', '--quiet');
    git('config', 'user.email', 'check@test.local');
    git('config', 'user.name', 'check');
    write(orders, orderServiceDocument);
    commit('the orders API');
  });

  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  it('fails on a breaking change since the base, naming it and the line that would accept it', async () => {
    write(orders, withoutOrderRoute());
    commit('drop GET /orders/{orderId}');
    const verdicts = await checkBreakingChanges(repo, 'HEAD~1', [orders]);
    expect(passes(verdicts)).toBe(false);
    expect(formatVerdicts('HEAD~1', verdicts).split('\n')).toEqual([
      'OpenAPI breaking-change check against HEAD~1:',
      '  ✗ orders: 1 breaking change',
      '      - removed route /orders/{orderId}',
      'Breaking changes fail the build. When they are intended, say so in the commit message, one line a service:',
      '  Breaking-API-Change: orders: <why its clients can cope>',
    ]);
  });

  it('passes a breaking change that a commit message since the base accepts for that service', async () => {
    write(orders, withoutOrderRoute());
    commit('drop GET /orders/{orderId}\n\nBreaking-API-Change: orders: no client reads one order yet');
    const verdicts = await checkBreakingChanges(repo, 'HEAD~1', [orders]);
    expect(passes(verdicts)).toBe(true);
    expect(formatVerdicts('HEAD~1', verdicts)).toContain('! orders: 1 breaking change accepted by the commit message: no client reads one order yet');
  });

  it('does not let an override for one service accept another’s breaking change', async () => {
    write(orders, withoutOrderRoute());
    commit('drop GET /orders/{orderId}\n\nBreaking-API-Change: stock: a different service');
    expect(passes(await checkBreakingChanges(repo, 'HEAD~1', [orders]))).toBe(false);
  });

  it('passes additive changes and a document that is new since the base', async () => {
    write(orders, { ...orderServiceDocument, paths: { ...orderServiceDocument.paths, '/extra': orderServiceDocument.paths['/orders/{orderId}'] } });
    write(stock, orderServiceDocument);
    commit('a new route, a new service');
    const verdicts = await checkBreakingChanges(repo, 'HEAD~1', [orders, stock]);
    expect(verdicts.map(({ service, status, changes }) => ({ service, status, changes }))).toEqual([
      { service: 'orders', status: 'compared', changes: [] },
      { service: 'stock', status: 'new', changes: [] },
    ]);
    expect(passes(verdicts)).toBe(true);
  });

  it('fails when a service has no committed document', async () => {
    const verdicts = await checkBreakingChanges(repo, 'HEAD', [orders, stock]);
    expect(passes(verdicts)).toBe(false);
    expect(formatVerdicts('HEAD', verdicts)).toContain('✗ stock: apps/stock/openapi.json is missing');
  });

  it('refuses a document that is not JSON, naming it', async () => {
    writeFileSync(join(repo, orders.openApiDocument), '{ "openapi": ');
    await expect(checkBreakingChanges(repo, 'HEAD', [orders])).rejects.toThrow(/^apps\/orders\/openapi\.json is not valid JSON \(/);
  });

  it('refuses a document openapi-diff cannot read, naming it', async () => {
    write(orders, { openapi: '3.0.0', paths: { '/orders': { get: { responses: { 200: { $ref: '#/components/responses/Missing' } } } } } });
    await expect(checkBreakingChanges(repo, 'HEAD', [orders])).rejects.toThrow(/^apps\/orders\/openapi\.json: openapi-diff cannot compare it with HEAD: /);
  });

  it('refuses a base that is not a commit', async () => {
    await expect(checkBreakingChanges(repo, 'no-such-ref', [orders])).rejects.toThrow('no-such-ref is not a commit of this repository');
  });
});

describe('checkBreakingChanges of a service that publishes events (its AsyncAPI document)', () => {
  const asyncApiDocument = JSON.parse(readFileSync(join(workspaceRoot, 'apps/order-service/asyncapi.json'), 'utf8'));
  const publisher: Service = { ...orders, asyncApiDocument: 'apps/orders/asyncapi.json' };
  let repo: string;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'ignore' });
  const writeEvents = (document: unknown) => writeFileSync(join(repo, 'apps/orders/asyncapi.json'), JSON.stringify(document));
  const commit = (message: string) => {
    git('add', '-A');
    git('commit', '--quiet', '--allow-empty', '-m', message);
  };
  const withoutQuantity = () => {
    const document = JSON.parse(JSON.stringify(asyncApiDocument));
    delete document.channels['orders.placed'].messages['orders.placed'].payload.properties.data.properties.quantity;
    return document;
  };

  beforeEach(() => {
    repo = mkdtempSync(join(tmpdir(), 'breaking-events-'));
    git('init', '--quiet');
    git('config', 'user.email', 'check@test.local');
    git('config', 'user.name', 'check');
    mkdirSync(join(repo, 'apps/orders'), { recursive: true });
    writeFileSync(join(repo, orders.openApiDocument), JSON.stringify(orderServiceDocument));
    writeEvents(asyncApiDocument);
    commit('the orders API and events');
  });

  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  it('fails on a field removed from an event since the base, naming the field apart from the HTTP API', async () => {
    writeEvents(withoutQuantity());
    commit('orders.placed without quantity');
    const verdicts = await checkBreakingChanges(repo, 'HEAD~1', [publisher]);
    expect(passes(verdicts)).toBe(false);
    expect(formatVerdicts('HEAD~1', verdicts).split('\n')).toEqual([
      'OpenAPI and AsyncAPI breaking-change check against HEAD~1:',
      '  ✓ orders: no breaking change',
      '  ✗ orders events: 1 breaking change',
      '      - channel orders.placed message orders.placed: field data.quantity removed',
      'Breaking changes fail the build. When they are intended, say so in the commit message, one line a service:',
      '  Breaking-API-Change: orders: <why its clients can cope>',
    ]);
  });

  it('passes it when a commit message since the base accepts the service’s breaking changes', async () => {
    writeEvents(withoutQuantity());
    commit('orders.placed without quantity\n\nBreaking-API-Change: orders: fulfilment reads the quantity from the reservation now');
    expect(passes(await checkBreakingChanges(repo, 'HEAD~1', [publisher]))).toBe(true);
  });

  it('fails when the document is deleted: every channel is gone', async () => {
    rmSync(join(repo, 'apps/orders/asyncapi.json'));
    commit('no more events');
    const verdicts = await checkBreakingChanges(repo, 'HEAD~1', [publisher]);
    expect(passes(verdicts)).toBe(false);
    expect(formatVerdicts('HEAD~1', verdicts)).toContain('- apps/orders/asyncapi.json removed: every channel it described is gone');
  });

  it('passes an optional field added, and asks nothing of a service that publishes no events', async () => {
    const document = JSON.parse(JSON.stringify(asyncApiDocument));
    document.channels['orders.placed'].messages['orders.placed'].payload.properties.data.properties.coupon = { type: 'string' };
    writeEvents(document);
    mkdirSync(join(repo, 'apps/stock'), { recursive: true });
    writeFileSync(join(repo, stock.openApiDocument), JSON.stringify(orderServiceDocument));
    commit('a coupon on orders.placed, and a service without events');
    const verdicts = await checkBreakingChanges(repo, 'HEAD~1', [publisher, { ...stock, asyncApiDocument: 'apps/stock/asyncapi.json' }]);
    expect(verdicts.map(({ service, kind, status, changes }) => ({ service, kind, status, changes }))).toEqual([
      { service: 'orders', kind: 'OpenAPI', status: 'compared', changes: [] },
      { service: 'stock', kind: 'OpenAPI', status: 'new', changes: [] },
      { service: 'orders', kind: 'AsyncAPI', status: 'compared', changes: [] },
    ]);
    expect(passes(verdicts)).toBe(true);
  });

  it('refuses a document @asyncapi/diff cannot compare, naming it', async () => {
    writeEvents({ ...asyncApiDocument, asyncapi: '2.6.0' });
    await expect(checkBreakingChanges(repo, 'HEAD', [publisher])).rejects.toThrow(/^apps\/orders\/asyncapi\.json: @asyncapi\/diff cannot compare it with HEAD: /);
  });
});

describe('overridesIn', () => {
  it('reads one reason a service from the trailer lines, ignoring prose that mentions them', () => {
    const messages = [
      'Rename the history route',
      '',
      'We mention Breaking-API-Change: in prose here, which is not a trailer.',
      'Breaking-API-Change: user-service: the mobile app moved to /v2 in release 41',
      'Breaking-API-Change:  order-service :  only the User Service calls it, updated in this commit',
    ].join('\n');
    expect(Object.fromEntries(overridesIn(messages))).toEqual({
      'user-service': 'the mobile app moved to /v2 in release 41',
      'order-service': 'only the User Service calls it, updated in this commit',
    });
  });
});
