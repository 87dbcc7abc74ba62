import { boundaryGenerator, serviceGenerator } from '@boundary/nx-plugin';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { flushChanges, FsTree } from 'nx/src/generators/tree';
import { deployViolations } from './deploy-rules';
import { renderOverlay, workspaceRoot } from './manifests';
import { schemaViolations } from './schema-validation';
import { serviceFacts } from './service-facts';

// Inside the workspace (tmp/ is ignored by git), so the generated configuration finds the workspace's packages.
const scratch = join(workspaceRoot, 'tmp', `deploy-generated-${process.pid}`);

/** A copy of what the deploy rules read (deploy/, the README, each app's project.json and configuration) and the generators edit. */
function copyWorkspace(): void {
  const files = ['deploy/base', 'deploy/overlays', 'deploy/CREDENTIALS.md', 'README.md', 'nx.json', 'package.json', 'libs/service-kit/src/lib/database'];
  // What the boundary generator edits besides the apps.
  for (const path of [...files, 'eslint.config.mjs', 'tsconfig.base.json']) {
    cpSync(join(workspaceRoot, path), join(scratch, path), { recursive: true });
  }
  for (const app of readdirSync(join(workspaceRoot, 'apps'))) {
    mkdirSync(join(scratch, 'apps', app, 'src/config'), { recursive: true });
    cpSync(join(workspaceRoot, 'apps', app, 'project.json'), join(scratch, 'apps', app, 'project.json'));
    // The whole folder: a configuration may import its neighbours (e.g. the Inventory Service's reservation-hold.ts).
    cpSync(join(workspaceRoot, 'apps', app, 'src/config'), join(scratch, 'apps', app, 'src/config'), {
      recursive: true,
      filter: (source) => !source.endsWith('.spec.ts'),
    });
  }
}

describe('deploy/ after the service generator adds services and the boundary generator joins them', () => {
  beforeAll(async () => {
    rmSync(scratch, { recursive: true, force: true });
    copyWorkspace();
    const tree = new FsTree(scratch, false);
    await serviceGenerator(tree, { name: 'stock-level-service', port: 5090, database: true });
    await serviceGenerator(tree, { name: 'price-service', port: 5091 });
    // The price-service calls the stock-level-service: its pair's Secret, both containers' variables, both policies.
    await boundaryGenerator(tree, { provider: 'stock-level-service', consumer: 'price-service', resource: 'stock-levels' });
    flushChanges(scratch, tree.listChanges());
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('renders both overlays with the new services, every object valid against the Kubernetes 1.30 schemas', () => {
    for (const overlay of ['dev', 'prod'] as const) {
      const objects = renderOverlay(overlay, join(scratch, 'deploy'));
      expect(objects.filter((o) => o.kind === 'Deployment').map((o) => o.metadata.name).sort()).toEqual(
        ['fulfilment-service', 'inventory-service', 'order-service', 'price-service', 'stock-level-service', 'user-service'],
      );
      expect(schemaViolations(objects)).toEqual([]);
    }
  });

  it('keeps every project rule, read against the generated services’ own configuration', () => {
    const inputs = {
      dev: renderOverlay('dev', join(scratch, 'deploy')),
      prod: renderOverlay('prod', join(scratch, 'deploy')),
      services: serviceFacts(scratch),
      readme: readFileSync(join(scratch, 'README.md'), 'utf8'),
      credentialsRunbook: readFileSync(join(scratch, 'deploy/CREDENTIALS.md'), 'utf8'),
    };
    expect(inputs.services.map((s) => s.name)).toContain('stock-level-service');
    expect(deployViolations(inputs)).toEqual([]);
    // The rules saw the pair: the consumer's client sends the pair's token, the provider accepts its set.
    const price = inputs.services.find((s) => s.name === 'price-service');
    const stock = inputs.services.find((s) => s.name === 'stock-level-service');
    expect([...(price?.variables ?? [])]).toEqual(expect.arrayContaining(['STOCK_LEVEL_SERVICE_URL', 'STOCK_LEVEL_SERVICE_TOKEN']));
    expect([...(stock?.variables ?? [])]).toContain('STOCK_LEVEL_SERVICE_TOKENS_PRICE_SERVICE');
    const deployment = (name: string) => JSON.stringify(inputs.prod.find((o) => o.kind === 'Deployment' && o.metadata.name === name));
    expect(deployment('price-service')).toContain('{"name":"STOCK_LEVEL_SERVICE_URL","value":"http://stock-level-service:5090"}');
    expect(deployment('price-service')).toContain('"secretKeyRef":{"key":"token","name":"price-service-to-stock-level-service"}');
    expect(deployment('stock-level-service').split('"secretKeyRef":{"key":"accepted","name":"price-service-to-stock-level-service"}')).toHaveLength(3);
  });
});
