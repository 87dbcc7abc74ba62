import { addProjectConfiguration, readJson, readProjectConfiguration, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serviceGenerator } from './generator';

const workspaceRoot = join(__dirname, '../../../../..');
/** The files of deploy/ and the README the generator edits, as committed. */
const DEPLOY_FILES = ['deploy/base/kustomization.yaml', 'deploy/overlays/dev/kustomization.yaml', 'deploy/overlays/prod/kustomization.yaml', 'README.md'];

/** A workspace with an app and the committed deploy/ entry points and README. */
function workspaceWithDeploy(): Tree {
  const tree = workspaceWithApp('order-service', 5001);
  for (const file of DEPLOY_FILES) tree.write(file, readFileSync(join(workspaceRoot, file), 'utf8'));
  return tree;
}

/** A workspace holding an app that records `port`, as order-service does. */
function workspaceWithApp(name: string, port: number): Tree {
  const tree = createTreeWithEmptyWorkspace();
  addProjectConfiguration(tree, name, { root: `apps/${name}`, projectType: 'application', metadata: { port } } as never);
  return tree;
}

/** Every file of the tree with its content, to prove a refusal wrote nothing. */
function snapshot(tree: Tree): Map<string, string> {
  return new Map(tree.listChanges().map((change) => [change.path, change.content?.toString() ?? '']));
}

describe('service generator', () => {
  describe('without --database', () => {
    let tree: Tree;
    beforeEach(async () => {
      tree = workspaceWithApp('order-service', 5001);
      await serviceGenerator(tree, { name: 'stock-level-service', port: 5010 });
    });

    it('records the port and the tags in project.json, with serve and typecheck targets', () => {
      const project = readProjectConfiguration(tree, 'stock-level-service');
      expect(project).toMatchObject({
        root: 'apps/stock-level-service',
        projectType: 'application',
        tags: ['type:app', 'scope:stock-level'],
        metadata: { port: 5010 },
      });
      expect(Object.keys(project.targets ?? {}).sort()).toEqual(['build', 'serve', 'typecheck']);
      expect(project.targets?.['serve']?.options).toMatchObject({ buildTarget: 'stock-level-service:build', inspect: false });
    });

    it('starts OpenTelemetry before Nest: a tracing.ts preloaded by serve, the service named after itself', () => {
      expect(tree.read('apps/stock-level-service/src/tracing.ts', 'utf8')).toContain("startServiceTracing('stock-level-service');");
      expect(readProjectConfiguration(tree, 'stock-level-service').targets?.['serve']?.options.runtimeArgs).toEqual([
        '--require',
        './dist/apps/stock-level-service/tracing.js',
      ]);
    });

    it('writes the files the build, lint and test plugins infer their targets from', () => {
      for (const file of ['webpack.config.js', 'eslint.config.mjs', 'jest.config.cjs', 'tsconfig.app.json', 'tsconfig.spec.json']) {
        expect(tree.exists(`apps/stock-level-service/${file}`)).toBe(true);
      }
    });

    it('keeps pact specs out of its unit tests from the start: a boundary runs them as the contract and verify targets', () => {
      expect(tree.read('apps/stock-level-service/jest.config.cjs', 'utf8')).toContain(
        "testPathIgnorePatterns: ['/node_modules/', '\\\\.pact\\\\.spec\\\\.ts$', '\\\\.pact-verify\\\\.spec\\\\.ts$']",
      );
    });

    it('names everything after the service: module, config loader, variables, title', () => {
      const module = tree.read('apps/stock-level-service/src/stock-level-service.module.ts', 'utf8');
      expect(module).toContain('export class StockLevelServiceModule');
      // Each consumer has its own credential (issue 26): the consumer guard, no shared service token.
      expect(module).toContain('providers: [ConsumerGuard.provide(options.credentials)]');
      expect(module).toContain("extends Pick<StockLevelServiceConfig, 'credentials'>");
      expect(module).not.toMatch(/ServiceTokenGuard|APP_GUARD|serviceToken/);
      expect(module).toContain('ReadinessModule.forRoot([])');
      expect(module).toContain('TracingShutdownModule,');
      const config = tree.read('apps/stock-level-service/src/config/stock-level-service.config.ts', 'utf8');
      expect(config).toContain('export function loadStockLevelServiceConfig');
      expect(config).toContain('.default(5010)');
      expect(config).toContain("export const STOCK_LEVEL_SERVICE_CONSUMERS = consumerCredentialsEnv('stock-level-service', []);");
      expect(config).toContain('    ...STOCK_LEVEL_SERVICE_CONSUMERS.shape,\n');
      expect(config).toContain('  .catchall(z.unknown())\n  .superRefine(STOCK_LEVEL_SERVICE_CONSUMERS.check);');
      expect(config).toContain('credentials: STOCK_LEVEL_SERVICE_CONSUMERS.read(e),');
      expect(config).toContain('  credentials: ConsumerCredentials;');
      expect(config).not.toMatch(/STOCK_LEVEL_SERVICE_TOKEN\b|\.refine\(/);
      const main = tree.read('apps/stock-level-service/src/main.ts', 'utf8');
      expect(main).toContain("const open = openCredentialsWarning(config.credentials);\n  if (open !== undefined) app.get(Logger).warn(open, 'Bootstrap');");
      expect(main).toContain('enableGracefulShutdown(app, { drainMs: config.shutdownDrainMs });');
      const testApp = tree.read('apps/stock-level-service/src/stock-level-service.test-app.ts', 'utf8');
      expect(testApp).toContain("  acceptedTokens?: ConsumerCredentials['accepted'];");
      expect(testApp).toContain(
        "StockLevelServiceModule.forRoot({ ...loadStockLevelServiceConfig(acceptedTokensEnv('stock-level-service', acceptedTokens)), logger })",
      );
      const configSpec = tree.read('apps/stock-level-service/src/config/stock-level-service.config.spec.ts', 'utf8');
      expect(configSpec).toContain("credentials: { provider: 'stock-level-service', accepted: {}, open: true },");
      expect(configSpec).toContain("expect(loadStockLevelServiceConfig({ NODE_ENV: 'production' }).credentials).toEqual({");
      expect(configSpec).toContain('      open: false,\n');
      expect(tree.read('apps/stock-level-service/src/stock-level-service.app.ts', 'utf8')).toContain("title: 'Stock Level Service'");
    });

    it('writes an open-api spec keeping apps/<name>/openapi.json equal to what the app serves, naming the command that rewrites it', () => {
      const spec = tree.read('apps/stock-level-service/src/open-api.spec.ts', 'utf8');
      expect(spec).toContain("file: join(__dirname, '../openapi.json')");
      expect(spec).toContain(
        "regenerate: 'UPDATE_OPENAPI=true npx nx test stock-level-service --testPathPatterns=open-api.spec --skip-nx-cache'",
      );
    });

    it('gives the app an in-memory repository and no database', () => {
      expect(tree.read('apps/stock-level-service/src/stock-level/stock-level.module.ts', 'utf8')).toContain(
        'useClass: InMemoryStockLevelRepository',
      );
      expect(tree.exists('apps/stock-level-service/src/database')).toBe(false);
      expect(tree.exists('apps/stock-level-service/migrations')).toBe(false);
      expect(tree.read('apps/stock-level-service/src/config/stock-level-service.config.ts', 'utf8')).not.toContain('DATABASE_ENV');
    });

    it('leaves no template syntax in what it writes', () => {
      for (const change of tree.listChanges()) {
        expect(change.content?.toString()).not.toMatch(/<%|%>|__name__|__tmpl__/);
      }
    });

    it('adds no dependencies to package.json', () => {
      const before = readJson(createTreeWithEmptyWorkspace(), 'package.json');
      expect(readJson(tree, 'package.json')).toEqual(before);
    });
  });

  describe('with --database', () => {
    let tree: Tree;
    beforeEach(async () => {
      tree = workspaceWithApp('order-service', 5001);
      await serviceGenerator(tree, { name: 'stock-level-service', port: 5010, database: true });
    });

    it('adds the storage of the Order Service: Drizzle on PGlite or PostgreSQL, versioned migrations in its own schema', () => {
      const root = 'apps/stock-level-service';
      expect(tree.read(`${root}/src/stock-level/stock-level.module.ts`, 'utf8')).toContain('useClass: DrizzleStockLevelRepository');
      expect(tree.read(`${root}/src/stock-level-service.module.ts`, 'utf8')).toContain(
        "ReadinessModule.forRoot([{ name: 'database', probe: StockLevelDatabase }])",
      );
      expect(tree.read(`${root}/src/config/stock-level-service.config.ts`, 'utf8')).toContain('...DATABASE_ENV,');
      expect(tree.read(`${root}/migrations/0000_init.sql`, 'utf8')).toContain('CREATE SCHEMA IF NOT EXISTS "stock_level"');
      expect(readJson(tree, `${root}/migrations/meta/_journal.json`).entries).toHaveLength(1);
      expect(tree.read(`${root}/src/database/open-stock-level-database.ts`, 'utf8')).toContain("migrationsSchema: 'stock_level'");
      expect(tree.read(`${root}/webpack.config.js`, 'utf8')).toContain('{ migrations: true }');
      expect(tree.read(`${root}/jest.config.cjs`, 'utf8')).toContain('@electric-sql/pglite');
    });

    it('stamps the first migration with the time of generation, so migrations drizzle-kit adds later sort after it', async () => {
      const before = Date.now();
      const later = workspaceWithApp('order-service', 5001);
      await serviceGenerator(later, { name: 'stock-level-service', port: 5010, database: true });
      const [init] = readJson(later, 'apps/stock-level-service/migrations/meta/_journal.json').entries;
      expect(init.when).toBeGreaterThanOrEqual(before);
      expect(init.when).toBeLessThanOrEqual(Date.now());
    });

    it('adds migrate and generate-migration targets, and DATABASE_URL to the test inputs', () => {
      const { targets = {} } = readProjectConfiguration(tree, 'stock-level-service');
      expect(Object.keys(targets).sort()).toEqual(['build', 'generate-migration', 'migrate', 'serve', 'test', 'typecheck']);
      expect(targets['test'].inputs).toContainEqual({ env: 'DATABASE_URL' });
    });

    it('leaves no template syntax in what it writes', () => {
      for (const change of tree.listChanges()) {
        expect(change.content?.toString()).not.toMatch(/<%|%>|__name__|__tmpl__/);
      }
    });
  });

  describe('the image and deploy/', () => {
    it('writes a Dockerfile whose steps build, install and start this service', async () => {
      const tree = workspaceWithApp('order-service', 5001);
      await serviceGenerator(tree, { name: 'stock-level-service', port: 5010 });
      const dockerfile = tree.read('apps/stock-level-service/Dockerfile', 'utf8');
      expect(dockerfile).toContain('RUN npx nx build stock-level-service && rm -f dist/apps/stock-level-service/main.js.map dist/apps/stock-level-service/tracing.js.map');
      expect(dockerfile).toContain('COPY --from=build /workspace/dist/apps/stock-level-service/ ./');
      expect(dockerfile).toContain('EXPOSE 5010');
      expect(dockerfile).toContain('ENTRYPOINT ["node", "--require", "./tracing.js", "main.js"]');
      expect(tree.exists('deploy')).toBe(false); // a workspace without deploy/ gets no deploy entries
    });

    it('writes the Dockerfile every service has: the Inventory Service\'s with the name and port changed', async () => {
      const tree = workspaceWithApp('order-service', 5001);
      await serviceGenerator(tree, { name: 'stock-level-service', port: 5010 });
      const inventory = readFileSync(join(workspaceRoot, 'apps/inventory-service/Dockerfile'), 'utf8');
      expect(tree.read('apps/stock-level-service/Dockerfile', 'utf8')).toBe(
        inventory.replaceAll('inventory-service', 'stock-level-service').replaceAll('5002', '5010'),
      );
    });

    it.each([
      [false, ['deployment.yaml', 'kustomization.yaml', 'network-policy.yaml', 'pdb.yaml', 'service.yaml']],
      [true, ['deployment.yaml', 'kustomization.yaml', 'network-policy.yaml', 'pdb.yaml', 'service.yaml']],
    ])('adds the service to deploy/ (database: %s): its base folder, its base line, images, dev Secret, README command', async (database, files) => {
      const tree = workspaceWithDeploy();
      const base = tree.read('deploy/base/kustomization.yaml', 'utf8');
      await serviceGenerator(tree, { name: 'stock-level-service', port: 5010, database });
      expect(tree.children('deploy/base/stock-level-service').sort()).toEqual(files);
      // Its line after every service's that was there.
      expect(tree.read('deploy/base/kustomization.yaml', 'utf8')).toBe(`${base}  - stock-level-service\n`);
      expect(tree.read('deploy/overlays/dev/kustomization.yaml', 'utf8')).toContain('  - { name: boundary/stock-level-service, newTag: dev }');
      expect(tree.read('deploy/overlays/prod/kustomization.yaml', 'utf8')).toContain(
        '  - { name: boundary/stock-level-service, newName: registry.example.com/boundary/stock-level-service, newTag: "0.0.0" }',
      );
      // Its own Secret holds its database's URL only: credentials live in one Secret per consumer/provider pair.
      const dev = tree.read('deploy/overlays/dev/kustomization.yaml', 'utf8') ?? '';
      expect(dev.endsWith('  - name: stock-level-service-secrets\n    literals:\n      - database-url=postgres://boundary:dev-only-password@10.96.100.10:5432/boundary\n')).toBe(database);
      expect(dev).not.toContain('stock-level-service-token');
      const readme = tree.read('README.md', 'utf8') ?? '';
      expect(readme.includes(
        "kubectl -n boundary create secret generic stock-level-service-secrets --from-literal=database-url='postgres://stock_level:…@10.0.0.10:5432/boundary'\n",
      )).toBe(database);
      expect(readme).not.toContain('stock-level-service-secrets --from-literal=token=');
      const deployment = tree.read('deploy/base/stock-level-service/deployment.yaml', 'utf8') ?? '';
      expect(deployment).toContain('containerPort: 5010');
      expect(deployment).not.toMatch(/STOCK_LEVEL_SERVICE_TOKEN|key: token/);
      expect(deployment.includes('--migrate-only')).toBe(database);
      expect(deployment.includes('DATABASE_URL')).toBe(database);
      for (const change of tree.listChanges()) expect(change.content?.toString()).not.toMatch(/<%|%>|__name__|__tmpl__/);
    });

    it('refuses a service whose deploy/base folder exists, in one line, writing nothing', async () => {
      const tree = workspaceWithDeploy();
      tree.write('deploy/base/stock-level-service/kustomization.yaml', 'left over');
      const before = snapshot(tree);
      await expect(serviceGenerator(tree, { name: 'stock-level-service', port: 5010 })).rejects.toThrow(
        /^deploy\/base\/stock-level-service already exists: remove it or choose another name\.$/,
      );
      expect(snapshot(tree)).toEqual(before);
    });
  });

  describe('refuses bad input with one line and writes nothing', () => {
    it.each([
      ['a name not in kebab-case', 'StockLevel-service', /^Invalid service name "StockLevel-service": use kebab-case ending in -service/],
      ['a name with a double dash', 'stock--service', /^Invalid service name/],
      ['a name not ending in -service', 'stock-level', /^Invalid service name "stock-level"/],
      ['the bare suffix', '-service', /^Invalid service name/],
      ['an existing project', 'order-service', /^Project "order-service" already exists/],
    ])('%s', async (_case, name, message) => {
      const tree = workspaceWithApp('order-service', 5001);
      const before = snapshot(tree);
      await expect(serviceGenerator(tree, { name, port: 5010 })).rejects.toThrow(message);
      expect(snapshot(tree)).toEqual(before);
    });

    it('a port another app records', async () => {
      const tree = workspaceWithApp('order-service', 5001);
      const before = snapshot(tree);
      await expect(serviceGenerator(tree, { name: 'stock-level-service', port: 5001, database: true })).rejects.toThrow(
        /^Port 5001 is already recorded by order-service: choose another port\.$/,
      );
      expect(snapshot(tree)).toEqual(before);
    });

    it.each([0, 65536, 50.5])('a port out of range (%s)', async (port) => {
      const tree = workspaceWithApp('order-service', 5001);
      await expect(serviceGenerator(tree, { name: 'stock-level-service', port })).rejects.toThrow(/^Invalid port/);
      expect(tree.exists('apps/stock-level-service')).toBe(false);
    });

    it('a directory of that name that is not a project', async () => {
      const tree = workspaceWithApp('order-service', 5001);
      tree.write('apps/stock-level-service/README.md', 'left over');
      await expect(serviceGenerator(tree, { name: 'stock-level-service', port: 5010 })).rejects.toThrow(/already exists/);
    });
  });
});
