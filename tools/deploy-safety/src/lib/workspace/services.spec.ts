import { createProjectGraphAsync, readProjectsConfigurationFromProjectGraph, type ProjectConfiguration } from '@nx/devkit';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { servicesOf } from './services';

const workspaceRoot = join(__dirname, '../../../../..');

// The project graph's plugins load in worker processes of their own: inside Jest's module registry @nx/eslint's
// plugin cannot find eslint. (The workspace's .env turns isolation off for the nx CLI, and Nx passes it to tasks.)
process.env['NX_ISOLATE_PLUGINS'] = 'true';

/** The spec files under `dir`, recursively. */
function specsUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? specsUnder(join(dir, entry.name)) : entry.name.endsWith('.spec.ts') ? [join(dir, entry.name)] : [],
  );
}

describe('the services of this workspace', () => {
  jest.setTimeout(60_000);
  let projects: Record<string, ProjectConfiguration>;

  // One project graph for the file, which every test only reads: computing it starts Nx's plugin workers and reads
  // every project again, about 7 s of CPU each time.
  beforeAll(async () => {
    projects = readProjectsConfigurationFromProjectGraph(await createProjectGraphAsync({ exitOnError: false })).projects;
  });

  it('each commit the OpenAPI document they serve, kept equal by one of their specs (the breaking-change check diffs it)', () => {
    const services = servicesOf(projects);
    expect(services.map(({ name }) => name)).toEqual(expect.arrayContaining(['order-service', 'user-service']));
    const gaps = services.flatMap(({ name, root, openApiDocument }) => {
      const kept = specsUnder(join(workspaceRoot, root, 'src')).some((spec) => readFileSync(spec, 'utf8').includes('committedOpenApiDrift('));
      return [
        ...(existsSync(join(workspaceRoot, openApiDocument)) ? [] : [`${name}: ${openApiDocument} is not committed`]),
        ...(kept ? [] : [`${name}: no spec under ${root}/src calls committedOpenApiDrift`]),
      ];
    });
    expect(gaps).toEqual([]);
  });

  it('that publish events commit their AsyncAPI document, kept equal by one of their specs (the check diffs it too)', () => {
    const publishers = servicesOf(projects).filter(({ asyncApiDocument }) => asyncApiDocument && existsSync(join(workspaceRoot, asyncApiDocument)));
    expect(publishers.map(({ name }) => name)).toContain('order-service');
    const unkept = publishers.filter(
      ({ root }) => !specsUnder(join(workspaceRoot, root, 'src')).some((spec) => readFileSync(spec, 'utf8').includes('committedDocumentDrift(')),
    );
    expect(unkept.map(({ name }) => `${name}: no spec under its src calls committedDocumentDrift`)).toEqual([]);
  });

  it('get record-deployment and can-i-deploy from the deploy-safety plugin, and nothing else does', () => {
    const withTargets = Object.entries(projects)
      .filter(([, project]) => project.targets?.['record-deployment'] && project.targets?.['can-i-deploy'])
      .map(([name]) => name);
    expect(withTargets.sort()).toEqual(servicesOf(projects).map(({ name }) => name));
    // One at a time: records of one environment rewrite one file, and can-i-deploy runs share scratch worktrees.
    const [first] = withTargets;
    expect([projects[first].targets?.['record-deployment'], projects[first].targets?.['can-i-deploy']]).toEqual([
      expect.objectContaining({ cache: false, parallelism: false }),
      expect.objectContaining({ cache: false, parallelism: false }),
    ]);
  });
});
