import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratchClone } from '../../testing/scratch-clone';
const DOCUMENT = 'apps/user-service/openapi.json';

/** The CI step as .ci/run runs it, on real commits of a scratch clone. */
describe('nx run deploy-safety:breaking-changes --base=HEAD~1 in a scratch clone', () => {
  jest.setTimeout(120_000);
  const scratch = scratchClone('breaking-changes-');
  const { git, path: clone } = scratch;
  const check = () => scratch.nx('run', 'deploy-safety:breaking-changes', '--base=HEAD~1');

  /** Commits the user-service document without its one-order route, with `message`. */
  function dropOneOrderRoute(message: string): void {
    const document = JSON.parse(readFileSync(join(clone, DOCUMENT), 'utf8'));
    delete document.paths['/users/{userId}/orders/{orderId}'];
    writeFileSync(join(clone, DOCUMENT), JSON.stringify(document, null, 2));
    git('commit', '--quiet', '-am', message);
  }

  afterAll(() => scratch.remove());

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

  it('fails a commit that removes a field of orders.placed from the Order Service’s events document, naming it', () => {
    git('reset', '--quiet', '--hard', 'HEAD~1');
    const events = 'apps/order-service/asyncapi.json';
    const document = JSON.parse(readFileSync(join(clone, events), 'utf8'));
    delete document.channels['orders.placed'].messages['orders.placed'].payload.properties.data.properties.quantity;
    writeFileSync(join(clone, events), JSON.stringify(document, null, 2));
    git('commit', '--quiet', '-am', 'orders.placed without its quantity');
    const { status, output } = check();
    expect(status).not.toBe(0);
    expect(output).toContain('OpenAPI and AsyncAPI breaking-change check against HEAD~1:');
    expect(output).toContain('✗ order-service events: 1 breaking change');
    expect(output).toContain('- channel orders.placed message orders.placed: field data.quantity removed');
    expect(output).toContain('Breaking-API-Change: order-service: <why its clients can cope>');
  });
});
