import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratchClone } from '../../testing/scratch-clone';
const HISTORY_CONTROLLER = 'apps/order-service/src/orders/orders.controller.ts';
const USER_SERVICE_PACT = 'pacts/user-service-order-service.json';
const OUTBOX_RELAY = 'apps/order-service/src/events/outbox-relay.ts';

/**
 * can-i-deploy on real commits: a scratch clone of this repository records both services as deployed in
 * production, then each case branches from there with one provider or consumer change and asks, through Nx, as a
 * user would.
 */
describe('can-i-deploy in a scratch clone', () => {
  jest.setTimeout(180_000);
  const scratch = scratchClone('can-i-deploy-');
  const { git, nx, path: clone } = scratch;
  let deployed: string;
  let recorded: string;
  const short = (sha: string) => sha.slice(0, 7);

  /** A branch from the recorded deployment with one change, committed; answers the new HEAD. */
  function branch(name: string, change: () => void): string {
    git('checkout', '--quiet', '-b', name, recorded);
    change();
    git('commit', '--quiet', '-am', name);
    return git('rev-parse', 'HEAD');
  }
  function edit(file: string, change: (text: string) => string): void {
    const path = join(clone, file);
    const before = readFileSync(path, 'utf8');
    const after = change(before);
    expect(after).not.toBe(before);
    writeFileSync(path, after);
  }
  const historyAnswer = (replacement: string) => () =>
    edit(HISTORY_CONTROLLER, (text) => text.replace('    return page.orders;\n', `    return ${replacement};\n`));

  beforeAll(() => {
    deployed = git('rev-parse', 'HEAD');
    // The whole chain: the Order Service is a provider (of the User Service) and a consumer (of the inventory).
    for (const service of ['order-service', 'user-service', 'inventory-service']) {
      const { status, output } = nx('run', `${service}:record-deployment`, '--environment', 'production');
      expect({ status, recorded: output.includes(`Recorded ${service}@${short(deployed)} in production`) }).toEqual({ status: 0, recorded: true });
    }
    git('add', 'deployments');
    git('commit', '--quiet', '-m', 'record the three services in production');
    recorded = git('rev-parse', 'HEAD');
  });

  afterAll(() => scratch.remove());

  it('answers no when a provider change removes a field a deployed consumer reads, naming the interaction and the field', () => {
    const head = branch('drop-quantity', historyAnswer('page.orders.map((order) => ({ order_id: order.order_id, item: order.item }))'));
    const { status, output } = nx('run', 'order-service:can-i-deploy', '--to', 'production');
    expect(status).not.toBe(0);
    expect(output).toContain(`user-service@${short(deployed)} × order-service@${short(head)} → failed`);
    expect(output).toMatch(/a request for the orders of a user who has some\n\s+\$\[\d+\] -> Actual map is missing the following keys: quantity/);
    expect(output).toContain(`order-service@${short(head)} × inventory-service@${short(deployed)} → verified`);
    expect(output).toContain('No: 1 of 2 pairs not verified.');
  });

  it('answers yes for a provider change no deployed consumer depends on (an added field)', () => {
    const head = branch('add-currency', historyAnswer("page.orders.map((order) => ({ ...order, currency: 'EUR' }))"));
    const { status, output } = nx('run', 'order-service:can-i-deploy', '--to', 'production');
    expect(output).toContain(`user-service@${short(deployed)} × order-service@${short(head)} → verified`);
    expect({ status, yes: output.includes('Yes: every pact verified (2 pairs).') }).toEqual({ status: 0, yes: true });
  });

  // A message pact (issue 25): once the Fulfilment Service is deployed, its pact of orders.placed joins the matrix.
  it('answers no when the Order Service no longer publishes an event a deployed consumer expects, naming the message and why', () => {
    git('checkout', '--quiet', '-b', 'fulfilment-deployed', recorded);
    const recording = nx('run', 'fulfilment-service:record-deployment', '--environment', 'production');
    expect(recording.status).toBe(0);
    git('add', 'deployments');
    git('commit', '--quiet', '-m', 'record the Fulfilment Service in production');
    edit(OUTBOX_RELAY, (text) => text.replace('.limit(this.options.batchSize)', '.limit(0)'));
    git('commit', '--quiet', '-am', 'a relay that takes no row from the outbox');
    const head = git('rev-parse', 'HEAD');
    const { status, output } = nx('run', 'order-service:can-i-deploy', '--to', 'production');
    expect(status).not.toBe(0);
    expect(output).toContain(`fulfilment-service@${short(recorded)} × order-service@${short(head)} → failed`);
    expect(output).toMatch(/an orders\.placed event for a new order\n(.*\n)*?\s+The provider produced no message: The outbox relay published nothing/);
    expect(output).toContain(`user-service@${short(deployed)} × order-service@${short(head)} → verified`);
  });

  describe('when the consumer starts relying on a field the deployed provider lacks', () => {
    let head: string;
    const expectsCurrency = () =>
      edit(USER_SERVICE_PACT, (text) => {
        const pact = JSON.parse(text);
        const one = pact.interactions.find((interaction: { description: string }) => interaction.description === 'a request for one order');
        one.response.body.content.currency = 'EUR';
        return `${JSON.stringify(pact, null, 2)}\n`;
      });

    beforeAll(() => {
      head = branch('expects-currency', expectsCurrency);
    });

    it('answers no, verifying its pact at HEAD against the provider deployed, and names the field', () => {
      // The Order Service's own can-i-deploy above prepared that commit already (for its inventory pact): start afresh.
      rmSync(join(clone, '.deploy-safety/worktrees'), { recursive: true, force: true });
      git('worktree', 'prune');
      const { status, output } = nx('run', 'user-service:can-i-deploy', '--to', 'production');
      expect(status).not.toBe(0);
      expect(output).toContain(`preparing ${short(deployed)} in a scratch worktree`);
      expect(output).toContain(`user-service@${short(head)} × order-service@${short(deployed)} → failed`);
      expect(output).toMatch(/a request for one order\n\s+\$ -> Actual map is missing the following keys: currency/);
    });

    it('answers the same at once on a second run, from the cache, without a worktree', () => {
      rmSync(join(clone, '.deploy-safety/worktrees'), { recursive: true, force: true });
      git('worktree', 'prune');
      const started = Date.now();
      const { status, output } = nx('run', 'user-service:can-i-deploy', '--to', 'production');
      expect(status).not.toBe(0);
      expect(output).toContain(`user-service@${short(head)} × order-service@${short(deployed)} → failed (cached)`);
      expect(output).toContain('Actual map is missing the following keys: currency');
      expect(output).not.toContain('preparing');
      expect(existsSync(join(clone, '.deploy-safety/worktrees'))).toBe(false);
      expect(Date.now() - started).toBeLessThan(30_000);
    });
  });

  it('refuses an unknown environment in one line, verifying nothing', () => {
    const { status, output } = nx('run', 'user-service:can-i-deploy', '--to', 'prod');
    expect(status).not.toBe(0);
    expect(output).toContain("Unknown environment 'prod': known environments are staging, production (deployments/environments.json).");
    expect(output).not.toMatch(/verifying|\n\s+at /);
  });

  it('refuses to record a deployment of a service with uncommitted changes, through Nx, writing nothing', () => {
    git('checkout', '--quiet', recorded);
    edit(HISTORY_CONTROLLER, (text) => `${text}// uncommitted\n`);
    const { status, output } = nx('run', 'order-service:record-deployment', '--environment', 'staging');
    expect(status).not.toBe(0);
    expect(output).toContain('apps/order-service has uncommitted changes (1 file): commit them, then record the deployment.');
    expect(existsSync(join(clone, 'deployments/staging.json'))).toBe(false);
    git('checkout', '--quiet', '--', HISTORY_CONTROLLER);
  });
});
