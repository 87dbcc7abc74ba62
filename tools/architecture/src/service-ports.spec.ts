import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const workspaceRoot = join(__dirname, '../../..');

interface AppProject {
  name: string;
  root: string;
  tags?: string[];
  metadata?: { port?: unknown };
}

/** Every app of apps/, as its project.json describes it. */
const apps: AppProject[] = readdirSync(join(workspaceRoot, 'apps'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => {
    const root = join(workspaceRoot, 'apps', entry.name);
    return { ...JSON.parse(readFileSync(join(root, 'project.json'), 'utf8')), root } as AppProject;
  })
  .filter((project) => project.tags?.includes('type:app'));

/** The app's `load…Config(env)` from `src/config/<app>.config.ts`. */
async function configLoader(app: AppProject): Promise<(env: NodeJS.ProcessEnv) => { port: number }> {
  const module = (await import(join(app.root, 'src/config', `${app.name}.config.ts`))) as Record<string, unknown>;
  const [loader] = Object.entries(module).filter(([name, value]) => /^load\w+Config$/.test(name) && typeof value === 'function');
  if (!loader) throw new Error(`${app.name}: src/config/${app.name}.config.ts exports no load…Config function`);
  return loader[1] as (env: NodeJS.ProcessEnv) => { port: number };
}

// The service generator reads every app's `metadata.port` to refuse a port in use; the apps must not drift from it.
describe('service ports (project.json metadata.port)', () => {
  it('are recorded by every app, and no two apps share one', () => {
    const ports = apps.map((app) => app.metadata?.port);
    expect(ports.every((port) => Number.isInteger(port))).toBe(true);
    expect(new Set(ports).size).toBe(ports.length);
  });

  it.each(apps.map((app) => [app.name, app] as const))(
    'are the default PORT of %s’s configuration',
    async (_name, app) => {
      const load = await configLoader(app);
      expect(load({}).port).toBe(app.metadata?.port);
    },
  );
});
