import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deployViolations } from './deploy-rules';
import { renderOverlay, workspaceRoot } from './manifests';
import { schemaViolations } from './schema-validation';
import { serviceFacts } from './service-facts';

describe('deploy/ overlays', () => {
  const dev = renderOverlay('dev');
  const prod = renderOverlay('prod');
  const services = serviceFacts();

  it.each([
    ['dev', dev],
    ['prod', prod],
  ])('%s renders, and every object validates against the Kubernetes 1.30 schemas', (_overlay, objects) => {
    expect(objects.length).toBeGreaterThan(0);
    expect(schemaViolations(objects)).toEqual([]);
  });

  it('has a Deployment, Service, PodDisruptionBudget and NetworkPolicy for every service of the repository', () => {
    for (const objects of [dev, prod]) {
      for (const kind of ['Deployment', 'Service', 'PodDisruptionBudget', 'NetworkPolicy']) {
        const names = objects.filter((o) => o.kind === kind).map((o) => o.metadata.name);
        expect(names.sort()).toEqual(services.map((s) => s.name).sort());
      }
    }
  });

  it('keeps every project rule: probes, limits, security context, grace period, migrations, scaling, network, secrets, ports and variables', () => {
    const readme = readFileSync(join(workspaceRoot, 'README.md'), 'utf8');
    const credentialsRunbook = readFileSync(join(workspaceRoot, 'deploy/CREDENTIALS.md'), 'utf8');
    expect(deployViolations({ dev, prod, services, readme, credentialsRunbook })).toEqual([]);
  });
});
