import { serviceGenerator } from '@boundary/nx-plugin';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { flushChanges, FsTree } from 'nx/src/generators/tree';
import { deployViolations } from './deploy-rules';
import { renderOverlay, workspaceRoot } from './manifests';
import { schemaViolations } from './schema-validation';
import { serviceFacts } from './service-facts';

// Inside the workspace (tmp/ is ignored by git), so the generated configuration finds the workspace's packages.
const scratch = join(workspaceRoot, 'tmp', `deploy-generated-${process.pid}`);

/** A copy of what the deploy rules read: deploy/, the README, and each app's project.json and configuration. */
function copyWorkspace(): void {
  for (const path of ['deploy/base', 'deploy/overlays', 'deploy/CREDENTIALS.md', 'README.md', 'nx.json', 'package.json', 'libs/service-kit/src/lib/database']) {
    cpSync(join(workspaceRoot, path), join(scratch, path), { recursive: true });
  }
  for (const app of readdirSync(join(workspaceRoot, 'apps'))) {
    mkdirSync(join(scratch, 'apps', app, 'src/config'), { recursive: true });
    cpSync(join(workspaceRoot, 'apps', app, 'project.json'), join(scratch, 'apps', app, 'project.json'));
    cpSync(join(workspaceRoot, 'apps', app, 'src/config', `${app}.config.ts`), join(scratch, 'apps', app, 'src/config', `${app}.config.ts`));
  }
}

describe('deploy/ after the service generator adds services', () => {
  beforeAll(async () => {
    rmSync(scratch, { recursive: true, force: true });
    copyWorkspace();
    const tree = new FsTree(scratch, false);
    await serviceGenerator(tree, { name: 'stock-level-service', port: 5090, database: true });
    await serviceGenerator(tree, { name: 'price-service', port: 5091 });
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
  });
});
