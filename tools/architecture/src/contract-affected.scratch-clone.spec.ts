import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const workspaceRoot = join(__dirname, '../../..');

/**
 * The contract wiring under `nx affected`, proved on real commits: a scratch clone of this repository gets a
 * one-line commit, and Nx is asked which projects would run the consumer contract tests (`contract`) and the
 * provider verification (`verify`).
 */
describe('nx affected runs the contract targets exactly when they can be affected', () => {
  jest.setTimeout(120_000);
  let clone: string;

  beforeAll(() => {
    clone = mkdtempSync(join(tmpdir(), 'affected-'));
    execFileSync('git', ['clone', '--quiet', '--no-hardlinks', workspaceRoot, clone]);
    symlinkSync(join(workspaceRoot, 'node_modules'), join(clone, 'node_modules'));
    git('config', 'user.email', 'affected@test.local');
    git('config', 'user.name', 'affected test');
  });

  afterAll(() => rmSync(clone, { recursive: true, force: true }));

  function git(...args: string[]): void {
    execFileSync('git', args, { cwd: clone, stdio: 'ignore' });
  }

  /** Appends a line to `file`, commits it, and returns the affected projects that have `target`. */
  function commitAndAsk(file: string, targets: string[]): Record<string, string[]> {
    appendFileSync(join(clone, file), '\n// touched by contract-affected.spec\n');
    git('commit', '--quiet', '-am', `touch ${file}`);
    const answers: Record<string, string[]> = {};
    for (const target of targets) {
      const out = execFileSync(
        process.execPath,
        [join(clone, 'node_modules/nx/dist/bin/nx.js'), 'show', 'projects', '--affected', '--base=HEAD~1', '--head=HEAD',
          '--withTarget', target, '--json'],
        { cwd: clone, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } },
      );
      answers[target] = (JSON.parse(out) as string[]).sort();
    }
    return answers;
  }

  // The table (#15 §3), row by row, with what Nx really runs. Nx's affected is per project and transitive:
  // a project is affected when one of its files changed or when any project it depends on (imports, implicit
  // dependencies) is affected, and then every one of its targets runs. Each deviation from the table is commented;
  // every one of them runs more than the table, never less. No wiring makes the table exact: order-service is one
  // project holding a consumer role (contract) and a provider role (verify). Input globs on the consumer's files in
  // place of the implicit dependencies stop the transitive runs (tried: a User Service change then runs no inventory
  // verify) but would miss a pact changed through a library only the consumer imports, and leave the first row as is.

  it('a change in libs/inventory-client re-runs the contract of each of the Inventory Service’s consumers and its verification', () => {
    expect(commitAndAsk('libs/inventory-client/src/lib/inventory-service.client.ts', ['contract', 'verify'])).toEqual({
      // Both consumers call the inventory through this client: each one's pact may change.
      contract: ['fulfilment-service', 'order-service'],
      // The table has no order-service verify here. Nx runs it: order-service imports the client, so the project is
      // affected, and its verification starts that very code (the Order Service answering the User Service's pact
      // with the changed client inside), so the run can fail because of this change.
      verify: ['inventory-service', 'order-service'],
    });
  });

  // The barrel is what every importer names (`@boundary/inventory-client`); it must affect no more than the code behind
  // it. (Jest resolves the aliases in jest.resolver.cjs: a `moduleNameMapper` naming the barrels would make them
  // inputs of every project's tests, and so every project affected.)
  it('a change in the barrel of libs/inventory-client affects the same projects as a change behind it', () => {
    expect(commitAndAsk('libs/inventory-client/src/index.ts', ['contract', 'verify'])).toEqual({
      contract: ['fulfilment-service', 'order-service'],
      verify: ['inventory-service', 'order-service'],
    });
  });

  it('a change in libs/inventory-contract re-runs the contract of each of the Inventory Service’s consumers and its verification', () => {
    expect(commitAndAsk('libs/inventory-contract/src/lib/item.schema.ts', ['contract', 'verify'])).toEqual({
      // Both consumers of the inventory re-run theirs. The order contract takes its item rule from the inventory
      // contract (contracts point down the chain), so the User Service's contract re-runs too: the rule is on its
      // wire as well (a new order's item).
      contract: ['fulfilment-service', 'order-service', 'user-service'],
      // As for the client: order-service imports the contract (directly and through the client).
      verify: ['inventory-service', 'order-service'],
    });
  });

  it('a change in apps/inventory-service re-runs only its verification, against the committed pact', () => {
    expect(commitAndAsk('apps/inventory-service/src/main.ts', ['contract', 'verify'])).toEqual({
      contract: [],
      verify: ['inventory-service'],
    });
  });

  // A second consumer of the same provider (made by the boundary generator's many-consumers mode): its change re-runs
  // its own contract and the inventory's verification — every consumer's pact — and touches no other consumer of the
  // inventory. It is also the Order Service's consumer of events (issue 25): the Order Service verifies its message
  // pact, so it depends on it (implicitDependencies) as it does on the User Service, and its verification re-runs.
  it('a change in apps/fulfilment-service re-runs its contract, the Inventory Service’s verification and the Order Service’s', () => {
    expect(commitAndAsk('apps/fulfilment-service/src/main.ts', ['contract', 'verify'])).toEqual({
      // order-service contract: not needed (its pact with the inventory does not depend on fulfilment). It runs because
      // order-service is affected, as for a User Service change.
      contract: ['fulfilment-service', 'order-service'],
      verify: ['inventory-service', 'order-service'],
    });
  });

  // Issue 25's rows: the message pact pacts/fulfilment-service-order-service.json (orders.placed), written by the
  // Fulfilment Service's contract and verified by the Order Service with what its outbox relay publishes.
  it('a change in the Fulfilment Service’s message pact spec re-runs its contract and the Order Service’s verification', () => {
    expect(commitAndAsk('apps/fulfilment-service/src/contract/order-service.pact.spec.ts', ['contract', 'verify'])).toEqual({
      contract: ['fulfilment-service', 'order-service'],
      // inventory-service verify: not needed (no inventory pact changes); it runs through its implicit dependency on
      // fulfilment-service.
      verify: ['inventory-service', 'order-service'],
    });
  });

  it('a change in libs/order-events-contract re-runs the message pact’s contract and its verification', () => {
    expect(commitAndAsk('libs/order-events-contract/src/lib/order-placed.event.ts', ['contract', 'verify'])).toEqual({
      // fulfilment-service writes the message pact from the contract's pattern and version; order-service's contract
      // runs because the project imports the events contract (it publishes them).
      contract: ['fulfilment-service', 'order-service'],
      // order-service verifies the message pact and publishes the events; inventory-service through its implicit
      // dependencies on both.
      verify: ['inventory-service', 'order-service'],
    });
  });

  it('a change in apps/order-service re-runs its contract and its verification, and the Inventory Service’s verification', () => {
    expect(commitAndAsk('apps/order-service/src/main.ts', ['contract', 'verify'])).toEqual({
      contract: ['order-service'],
      verify: ['inventory-service', 'order-service'],
    });
  });

  // The implicit dependencies that make a consumer's change re-run its provider's verification
  // (order-service → user-service, inventory-service → order-service) are transitive: a change to the User Service
  // affects the Order Service, and so the Inventory Service, and every target of both runs.
  it('a change in apps/user-service re-runs its contract and the Order Service’s verification', () => {
    expect(commitAndAsk('apps/user-service/src/main.ts', ['contract', 'verify'])).toEqual({
      // order-service contract: not in the table (it does not say). It runs because order-service is affected.
      contract: ['order-service', 'user-service'],
      // inventory-service verify: the table says it does not run. It does, through the chain of implicit
      // dependencies; its pact (written by order-service's contract) does not depend on the User Service.
      verify: ['inventory-service', 'order-service'],
    });
  });

  it('a change in libs/order-client re-runs the User Service’s contract and the Order Service’s verification', () => {
    expect(commitAndAsk('libs/order-client/src/lib/order-service.client.ts', ['contract', 'verify'])).toEqual({
      // As for apps/user-service, which imports the client.
      contract: ['order-service', 'user-service'],
      verify: ['inventory-service', 'order-service'],
    });
  });

  it('a change in no service, client or contract runs no contract target', () => {
    expect(commitAndAsk('tools/architecture/src/module-boundaries.spec.ts', ['contract', 'verify'])).toEqual({
      contract: [],
      verify: [],
    });
  });
});
