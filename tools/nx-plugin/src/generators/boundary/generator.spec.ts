import {
  readJson,
  readNxJson,
  readProjectConfiguration,
  type TargetConfiguration,
  type Tree,
} from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serviceGenerator } from '../service/generator';
import { boundaryGenerator } from './generator';
import { changedFiles as snapshot, treeLikeThisWorkspace } from '../../testing/tree-fixtures';

const workspaceRoot = join(__dirname, '../../../../..');

/**
 * A workspace with the repository's eslint.config.mjs, TESTING.md, package.json and tsconfig.base.json (the kit's
 * libraries mapped to source, their peers installed), a provider made with --database and a consumer
 * made without, both by the service generator, as a user would have them before running the boundary generator.
 */
async function workspaceWithServices(): Promise<Tree> {
  const tree = treeLikeThisWorkspace();
  await serviceGenerator(tree, { name: 'stock-level-service', port: 5010, database: true });
  await serviceGenerator(tree, { name: 'shop-service', port: 5011 });
  return tree;
}


/**
 * A target as Nx runs it: nx.json's default for its name under the project's own settings, a leading '...' spreading the
 * default's array, `{projectRoot}` resolved.
 */
function mergedTarget(tree: Tree, project: string, name: string): TargetConfiguration {
  const { root, targets } = readProjectConfiguration(tree, project);
  const defaults = (readNxJson(tree)?.targetDefaults?.[name] ?? {}) as TargetConfiguration;
  const own = targets?.[name] ?? {};
  const merged: TargetConfiguration = { ...defaults, ...own, options: { ...defaults.options, ...own.options } };
  for (const key of ['inputs', 'outputs', 'dependsOn'] as const) {
    const list = own[key] as unknown[] | undefined;
    if (list?.[0] === '...') Object.assign(merged, { [key]: [...((defaults[key] as unknown[]) ?? []), ...list.slice(1)] });
  }
  return JSON.parse(JSON.stringify(merged).replaceAll('{projectRoot}', root)) as TargetConfiguration;
}

const OPTIONS = { provider: 'stock-level-service', consumer: 'shop-service', resource: 'warehouse-items' };

describe('boundary generator', () => {
  let tree: Tree;
  let packageJsonBefore: unknown;
  beforeAll(async () => {
    tree = await workspaceWithServices();
    packageJsonBefore = readJson(tree, 'package.json');
    await boundaryGenerator(tree, OPTIONS);
  });
  const read = (path: string) => tree.read(path, 'utf8') ?? '';

  it('creates the contract library: schema, route, error codes, fixtures, tagged type:contract and scope:<provider>', () => {
    expect(readProjectConfiguration(tree, 'stock-level-contract')).toMatchObject({
      root: 'libs/stock-level-contract',
      projectType: 'library',
      tags: ['type:contract', 'scope:stock-level'],
    });
    // The contract is one file, the library's entry point: the wire facts a boundary starts with.
    const contract = read('libs/stock-level-contract/src/index.ts');
    expect(contract).toContain('export const WarehouseItemSchema = z.object(');
    expect(contract).toContain("warehouseItem: '/warehouse-items/{warehouseItemId}'");
    expect(contract).toContain("warehouseItemNotFound: 'WAREHOUSE_ITEM_NOT_FOUND'");
    expect(contract).toContain('export const DEMO_WAREHOUSE_ITEM');
    expect(tree.children('libs/stock-level-contract/src').sort()).toEqual(['index.ts', 'warehouse-item.schema.spec.ts']);
  });

  it('writes each provider state once, in the contract library, for the consumer’s pact spec and the provider’s handlers', () => {
    const contract = read('libs/stock-level-contract/src/index.ts');
    expect(contract).toContain(
      "warehouseItemExists: providerState<{ warehouseItemId: string }>('warehouse item {warehouseItemId} exists'),",
    );
    expect(contract).toContain('export const STOCK_LEVEL_PROVIDER_STATES = {');
  });

  it('creates the client library on the client core, with typed errors and a testing entry point holding a strict stub', () => {
    expect(readProjectConfiguration(tree, 'stock-level-client').tags).toEqual(['type:client', 'scope:stock-level']);
    const client = read('libs/stock-level-client/src/index.ts');
    expect(client).toContain('export class StockLevelServiceClient');
    expect(client).toContain('getWarehouseItem(warehouseItemId: string): Observable<WarehouseItem>');
    expect(client).toContain('new ProviderClient(http, options, StockLevelServiceError');
    // One error class, a subclass for the provider's name and nothing more: the core builds every failure.
    expect(client).toContain('export class StockLevelServiceError extends ProviderCallError {}');
    expect(client.match(/class \w*Error\b/g)).toEqual(["class StockLevelServiceError"]);
    expect(read('libs/stock-level-client/src/testing/index.ts')).toContain(
      'export class StockLevelServiceClientStub extends ScriptedStub',
    );
    // One spec for the library's two seams: the client over an HttpService double, and the stub of its testing entry point.
    const spec = read('libs/stock-level-client/src/stock-level-client.spec.ts');
    expect(spec).toContain("describe('StockLevelServiceClient.getWarehouseItem (HttpService overridden)'");
    expect(spec).toContain("describe('StockLevelServiceClientStub (the testing entry point");
    expect(spec).toContain("import { aWarehouseItem, StockLevelServiceClientStub } from './testing';");
  });

  it('configures each library once: tags, the workspace typecheck default, a tsconfig.json extending tsconfig.libs.json and a jest.config.cjs', () => {
    for (const lib of ['stock-level-contract', 'stock-level-client']) {
      expect(readProjectConfiguration(tree, lib).targets).toEqual({ typecheck: {} });
      expect(readJson(tree, `libs/${lib}/tsconfig.json`)).toEqual({ extends: '../../tsconfig.libs.json' });
      expect(read(`libs/${lib}/jest.config.cjs`)).toContain("preset: '../../jest.preset.js'");
      // Lint comes from the root ESLint config, which the @nx/eslint plugin applies to a project without its own.
      expect(tree.children(`libs/${lib}`).sort()).toEqual(['jest.config.cjs', 'project.json', 'src', 'tsconfig.json']);
    }
    expect(readJson(tree, 'tsconfig.libs.json').include).toEqual(['${configDir}/src/**/*.ts']);
    expect(readJson(tree, 'nx.json').targetDefaults.typecheck).toMatchObject({
      executor: 'nx:run-commands',
      options: { commands: ['tsc -p {projectRoot}/tsconfig.json --noEmit'] },
    });
  });

  it('gives the client library its module in one class on the client core, beside its options type', () => {
    const module = read('libs/stock-level-client/src/index.ts');
    expect(module).toContain('export class StockLevelClientModule extends clientModule(StockLevelServiceClient) {}');
    expect(module).toContain('export type StockLevelClientOptions = ClientOptions;');
    // The core's module makes the client, so the client injects no token of its own module.
    expect(read('libs/stock-level-client/src/index.ts')).toContain(
      'constructor(http: HttpService, options: ClientOptions)',
    );
    // The library's entry point is the client itself (no barrel re-exporting one file), its spec beside it.
    expect(tree.children('libs/stock-level-client/src').sort()).toEqual(['index.ts', 'stock-level-client.spec.ts', 'testing']);
    expect(tree.children('libs/stock-level-client/src/testing')).toEqual(['index.ts']);
    expect(read('libs/stock-level-client/src/testing/index.ts')).toContain("import type { StockLevelServiceClient } from '../index';");
  });

  it('maps the libraries and the testing entry point in tsconfig.base.json', () => {
    expect(readJson(tree, 'tsconfig.base.json').compilerOptions.paths).toMatchObject({
      '@boundary/stock-level-contract': ['./libs/stock-level-contract/src/index.ts'],
      '@boundary/stock-level-client': ['./libs/stock-level-client/src/index.ts'],
      '@boundary/stock-level-client/testing': ['./libs/stock-level-client/src/testing/index.ts'],
    });
  });

  it('registers the provider’s controller and in-memory repository in its module, beside the existing repository', () => {
    const module = read('apps/stock-level-service/src/stock-level/stock-level.module.ts');
    expect(module).toContain('controllers: [WarehouseItemsController]');
    expect(module).toContain('{ provide: StockLevelRepository, useClass: DrizzleStockLevelRepository },');
    expect(module).toContain('{ provide: WarehouseItemRepository, useClass: InMemoryWarehouseItemRepository },');
    expect(module).toContain("import { WarehouseItemsController } from '../warehouse-items/warehouse-items.controller';");
    expect(read('apps/stock-level-service/src/warehouse-items/warehouse-items.controller.ts')).toContain(
      'code: STOCK_LEVEL_ERROR_CODES.warehouseItemNotFound',
    );
  });

  it('gives the provider a verification spec, named provider states, a verify target after the consumer’s contract, and an implicit dependency on the consumer', () => {
    const provider = readProjectConfiguration(tree, 'stock-level-service');
    expect(provider.implicitDependencies).toEqual(['shop-service']);
    // After the contract of what it depends on: the consumer, implicitly.
    const verify = mergedTarget(tree, 'stock-level-service', 'verify');
    expect(verify).toMatchObject({
      executor: 'nx:run-commands',
      dependsOn: ['^contract'],
      options: { cwd: 'apps/stock-level-service', command: expect.stringContaining("--testPathPatterns '\\.pact-verify\\.spec\\.ts$'") },
    });
    // can-i-deploy runs the verify command it reads from the provider's project.json.
    expect(provider.targets?.['verify'].options.command).toBe(verify.options.command);
    expect(mergedTarget(tree, 'shop-service', 'contract').executor).toBe('nx:run-commands');
    expect(verify.inputs).toEqual(
      expect.arrayContaining(['{workspaceRoot}/pacts/**/*.json', { env: 'DATABASE_URL' }]),
    );
    const verification = read('apps/stock-level-service/src/contract/stock-level-service.pact-verify.spec.ts');
    expect(verification).toContain('providerStateHandlers(seedable, STOCK_LEVEL_PROVIDER_STATES, {');
    expect(verification).toMatch(/warehouseItemExists: \(warehouseItems, \{ warehouseItemId \}\) =>/);
    expect(verification).toContain('warehouseItemDoesNotExist: async () => undefined,');
    // Every consumer's pact, one verdict each: the generator's first consumer is one of them.
    expect(verification).toContain("pactsUnderVerification('stock-level-service')");
    expect(verification).toContain("'stock-level-service honours the pact of $consumer (provider)'");
    expect(verification).toContain("verifyPacts(app, { provider: 'stock-level-service', pactFiles: [pactFile], states: providerStates(app), token })");
    // The provider accepts the pact's consumer by its own token, as deployed, and refuses a call without it.
    expect(verification).toContain('const { app } = await startStockLevelServiceTestApp({ acceptedTokens: { [pactConsumer(pactFile)]: [SERVICE_TOKEN] } });');
    expect(verification).toContain("import { isMessagePact, pactConsumer, pactsUnderVerification, providerStateHandlers, verifyPacts } from '@boundary/testing/pact';");
    expect(verification).toContain('await expect(verify(file, SERVICE_TOKEN)).resolves.toBeDefined();');
    expect(verification).toContain("it('fails without the service token once the deployed service requires one'");
    expect(verification).toContain('await expect(verify(file)).rejects.toThrow(/expected 200 but was 401/);');
    expect(read('apps/stock-level-service/jest.config.cjs')).toContain(
      "testPathIgnorePatterns: ['/node_modules/', '\\\\.pact\\\\.spec\\\\.ts$', '\\\\.pact-verify\\\\.spec\\\\.ts$']",
    );
  });

  it('declares the consumer in the provider’s configuration, each consumer accepted by its own set', () => {
    const config = read('apps/stock-level-service/src/config/stock-level-service.config.ts');
    expect(config).toContain("export const STOCK_LEVEL_SERVICE_CONSUMERS = consumerCredentialsEnv('stock-level-service', ['shop-service']);");
    // With a consumer declared, production requires its set: the config spec's test of a provider without consumers says so now.
    const spec = read('apps/stock-level-service/src/config/stock-level-service.config.spec.ts');
    expect(spec).not.toContain('starts closed in production');
    expect(spec).not.toContain('No service calls it yet');
    expect(spec).toContain(
      "  it('refuses to start in production without the accepted set of its consumer shop-service', () => {\n" +
        "    expect(() => loadStockLevelServiceConfig({ NODE_ENV: 'production' })).toThrow(/STOCK_LEVEL_SERVICE_TOKENS_SHOP_SERVICE\\b.*: is required when NODE_ENV=production/);\n" +
        '  });\n',
    );
  });

  it('wires the client into the consumer: validated configuration, root module, main.ts and test app', () => {
    const config = read('apps/shop-service/src/config/shop-service.config.ts');
    expect(config).toContain("STOCK_LEVEL_SERVICE_URL: z\n      .url(");
    expect(config).toContain(".default('http://localhost:5010')");
    // What it sends the provider: its own credential, of the kit's shape (the provider accepts it as STOCK_LEVEL_SERVICE_TOKENS_SHOP_SERVICE).
    expect(config).toContain('STOCK_LEVEL_SERVICE_TOKEN: serviceTokenSchema.optional()');
    expect(config).toMatch(/import \{[^}]*\bserviceTokenSchema,[^}]*\} from '@boundary\/service-kit';/);
    expect(config).toContain('...(e.STOCK_LEVEL_SERVICE_TOKEN === undefined ? {} : { token: e.STOCK_LEVEL_SERVICE_TOKEN }),');
    expect(config).toContain('stockLevelClient: StockLevelClientOptions;');
    expect(read('apps/shop-service/src/config/shop-service.config.spec.ts')).toContain(
      "stockLevelClient: { baseUrl: 'http://localhost:5010', timeoutMs: 2000 }",
    );
    const module = read('apps/shop-service/src/shop-service.module.ts');
    expect(module).toContain("Pick<ShopServiceConfig, 'credentials' | 'stockLevelClient'>");
    expect(module).toContain('StockLevelClientModule.forRoot({ ...options.stockLevelClient, requestId: currentRequestId, deadlineAt: currentDeadlineAt, isGlobal: true })');
    expect(module).toContain("import {\n  ConsumerGuard,\n  currentDeadlineAt,\n  currentRequestId,\n  LivenessModule,\n");
    // main.ts and the test app pass the whole configuration (the test app its defaults), the client's options with it.
    expect(read('apps/shop-service/src/main.ts')).toContain('ShopServiceModule.forRoot({ ...config, logger })');
    expect(read('apps/shop-service/src/shop-service.test-app.ts')).toContain(
      "ShopServiceModule.forRoot({ ...loadShopServiceConfig(acceptedTokensEnv('shop-service', acceptedTokens)), logger })",
    );
  });

  it('adds the client’s options to a main.ts and test app that pass the configuration field by field', async () => {
    const other = await workspaceWithServices();
    const rewrite = (path: string, from: string, to: string) => other.write(path, (other.read(path, 'utf8') ?? '').replace(from, to));
    rewrite('apps/shop-service/src/main.ts', 'forRoot({ ...config, logger })', 'forRoot({ credentials: config.credentials, logger })');
    rewrite(
      'apps/shop-service/src/shop-service.test-app.ts',
      "forRoot({ ...loadShopServiceConfig(acceptedTokensEnv('shop-service', acceptedTokens)), logger })",
      "forRoot({ credentials: loadShopServiceConfig(acceptedTokensEnv('shop-service', acceptedTokens)).credentials, logger })",
    );
    await boundaryGenerator(other, OPTIONS);
    expect(other.read('apps/shop-service/src/main.ts', 'utf8')).toContain('stockLevelClient: config.stockLevelClient, logger');
    expect(other.read('apps/shop-service/src/shop-service.test-app.ts', 'utf8')).toContain(
      'stockLevelClient: loadShopServiceConfig({}).stockLevelClient, logger',
    );
  });

  it('gives the consumer a pact spec and a contract target writing its pact, kept out of its unit tests', () => {
    const pactSpec = read('apps/shop-service/src/contract/stock-level-service.pact.spec.ts');
    expect(pactSpec).toContain("consumerPact({ consumer: 'shop-service', provider: 'stock-level-service' })");
    expect(pactSpec).toContain('.addInteraction(STATES.warehouseItemExists({ warehouseItemId: DEMO_WAREHOUSE_ITEM.id }))');
    expect(mergedTarget(tree, 'shop-service', 'contract')).toMatchObject({
      outputs: ['{workspaceRoot}/pacts/shop-service-stock-level-service.json'],
      options: { cwd: 'apps/shop-service', command: expect.stringContaining("--testPathPatterns '\\.pact\\.spec\\.ts$'") },
    });
    expect(read('apps/shop-service/jest.config.cjs')).toContain(
      "testPathIgnorePatterns: ['/node_modules/', '\\\\.pact\\\\.spec\\\\.ts$', '\\\\.pact-verify\\\\.spec\\\\.ts$']",
    );
  });

  it('adds the module-boundary rules: the consumer’s scope may use the provider’s, and the provider’s own', () => {
    const eslint = read('eslint.config.mjs');
    expect(eslint).toContain(
      "{ sourceTag: 'scope:shop', onlyDependOnLibsWithTags: ['scope:shop', 'scope:stock-level', 'scope:shared'] },",
    );
    expect(eslint).toContain("{ sourceTag: 'scope:stock-level', onlyDependOnLibsWithTags: ['scope:stock-level', 'scope:shared'] },");
    // The rules already there are kept as they were.
    expect(eslint).toContain("{ sourceTag: 'scope:user', onlyDependOnLibsWithTags: ['scope:user', 'scope:order', 'scope:shared'] },");
  });

  it('appends a TESTING.md section naming the levels and the commands, with no example the guide check cannot find', () => {
    const guide = read('TESTING.md');
    const section = guide.slice(guide.indexOf('## Boundary shop-service → stock-level-service\n'));
    expect(section).toContain('npx nx contract shop-service');
    expect(section).toContain('npx nx verify stock-level-service');
    expect(section).not.toMatch(/^```ts/m);
    expect(guide.startsWith(readFileSync(join(workspaceRoot, 'TESTING.md'), 'utf8').trimEnd())).toBe(true);
  });

  it('leaves Pact to the kit: no written file imports Pact itself', () => {
    for (const change of tree.listChanges()) {
      expect({ path: change.path, pact: change.content?.toString().includes("from '@pact-foundation/pact") }).toEqual({
        path: change.path,
        pact: false,
      });
    }
  });

  it('leaves no template syntax in what it writes', () => {
    for (const change of tree.listChanges()) {
      expect({ path: change.path, syntax: /<%|%>|__[a-z]+__/.exec(change.content?.toString() ?? '')?.[0] }).toEqual({
        path: change.path,
        syntax: undefined,
      });
    }
  });

  it('adds no dependencies to package.json', () => {
    expect(readJson(tree, 'package.json')).toEqual(packageJsonBefore);
  });

  it('widens an existing rule of the consumer’s scope instead of adding a second one', async () => {
    const other = await workspaceWithServices();
    other.write(
      'eslint.config.mjs',
      (other.read('eslint.config.mjs', 'utf8') ?? '').replace(
        "            { sourceTag: 'scope:user',",
        "            { sourceTag: 'scope:shop', onlyDependOnLibsWithTags: ['scope:shop', 'scope:shared'] },\n            { sourceTag: 'scope:user',",
      ),
    );
    await boundaryGenerator(other, OPTIONS);
    const eslint = other.read('eslint.config.mjs', 'utf8') ?? '';
    expect(eslint.match(/sourceTag: 'scope:shop'/g)).toHaveLength(1);
    expect(eslint).toContain("{ sourceTag: 'scope:shop', onlyDependOnLibsWithTags: ['scope:shop', 'scope:stock-level', 'scope:shared'] }");
  });

  it('serves the other kinds too: a provider without --database, a consumer with it', async () => {
    const other = await workspaceWithServices();
    await boundaryGenerator(other, { provider: 'shop-service', consumer: 'stock-level-service', resource: 'baskets' });
    expect(other.read('apps/shop-service/src/shop/shop.module.ts', 'utf8')).toContain(
      [
        '  controllers: [BasketsController],',
        '  providers: [',
        '    { provide: ShopRepository, useClass: InMemoryShopRepository },',
        '    { provide: BasketRepository, useClass: InMemoryBasketRepository },',
        '  ],',
      ].join('\n'),
    );
    expect(mergedTarget(other, 'shop-service', 'verify').inputs).not.toContainEqual({ env: 'DATABASE_URL' });
    expect(other.read('apps/stock-level-service/src/config/stock-level-service.config.ts', 'utf8')).toContain(
      "SHOP_SERVICE_URL: z\n      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://localhost:5011' })",
    );
    expect(other.read('apps/stock-level-service/src/config/stock-level-service.config.spec.ts', 'utf8')).toContain(
      "database: { url: undefined, pgliteDir: undefined, seedDemoData: false },\n      credentials: { provider: 'stock-level-service', accepted: {}, open: true },\n      logLevel: 'info',\n      shutdownDrainMs: 0,\n      shopClient: { baseUrl: 'http://localhost:5011', timeoutMs: 2000 },",
    );
  });

  it('adds a second provider’s pact to a consumer that already has a contract target', async () => {
    const other = await workspaceWithServices();
    await serviceGenerator(other, { name: 'pricing-service', port: 5012 });
    await boundaryGenerator(other, OPTIONS);
    await boundaryGenerator(other, { provider: 'pricing-service', consumer: 'shop-service', resource: 'prices' });
    expect(readProjectConfiguration(other, 'shop-service').targets?.['contract'].outputs).toEqual([
      '{workspaceRoot}/pacts/shop-service-stock-level-service.json',
      '{workspaceRoot}/pacts/shop-service-pricing-service.json',
    ]);
    // Both clients' options reach the root module, from main.ts and the test app alike: they pass the whole configuration.
    expect(other.read('apps/shop-service/src/shop-service.module.ts', 'utf8')).toContain(
      "Pick<ShopServiceConfig, 'credentials' | 'pricingClient' | 'stockLevelClient'>",
    );
    expect(other.read('apps/shop-service/src/shop-service.test-app.ts', 'utf8')).toContain(
      "forRoot({ ...loadShopServiceConfig(acceptedTokensEnv('shop-service', acceptedTokens)), logger })",
    );
  });
});

describe('boundary generator along a chain (A → B → C)', () => {
  it('makes a consumer the provider of another: one testPathIgnorePatterns keeping both its pact and its verification out of its tests', async () => {
    const tree = await workspaceWithServices();
    await serviceGenerator(tree, { name: 'storefront-service', port: 5013 });
    await boundaryGenerator(tree, OPTIONS);
    await boundaryGenerator(tree, { provider: 'shop-service', consumer: 'storefront-service', resource: 'carts' });
    const jestConfig = tree.read('apps/shop-service/jest.config.cjs', 'utf8') ?? '';
    expect(jestConfig.match(/testPathIgnorePatterns/g)).toHaveLength(1);
    expect(jestConfig).toContain("testPathIgnorePatterns: ['/node_modules/', '\\\\.pact\\\\.spec\\\\.ts$', '\\\\.pact-verify\\\\.spec\\\\.ts$']");
  });
});

describe('boundary generator refuses with one line and writes nothing', () => {
  it.each([
    ['a provider that is not an app', { provider: 'nowhere-service' }, /^Unknown provider "nowhere-service": pass an existing app, e.g. stock-level-service or shop-service\.$/],
    ['a consumer that is not an app', { consumer: 'nowhere-service' }, /^Unknown consumer "nowhere-service": pass an existing app/],
    ['the same app on both sides', { consumer: 'stock-level-service' }, /^Provider and consumer are both "stock-level-service": a boundary joins two different apps\.$/],
    ['a resource in camelCase', { resource: 'warehouseItems' }, /^Invalid resource "warehouseItems": use a kebab-case plural noun, e.g. items or stock-levels\.$/],
    ['a singular resource', { resource: 'warehouse-item' }, /^Invalid resource "warehouse-item"/],
    ['a resource ending in -ss', { resource: 'address' }, /^Invalid resource "address"/],
  ])('%s', async (_case, override, message) => {
    const tree = await workspaceWithServices();
    const before = snapshot(tree);
    await expect(boundaryGenerator(tree, { ...OPTIONS, ...override })).rejects.toThrow(message);
    expect(snapshot(tree)).toEqual(before);
  });

  it('a further consumer asking for a resource the provider’s contract does not serve', async () => {
    const tree = await workspaceWithServices();
    await serviceGenerator(tree, { name: 'storefront-service', port: 5013 });
    await boundaryGenerator(tree, OPTIONS);
    const before = snapshot(tree);
    await expect(boundaryGenerator(tree, { ...OPTIONS, consumer: 'storefront-service', resource: 'pallets' })).rejects.toThrow(
      /^libs\/stock-level-contract exports no PalletSchema: a further consumer of stock-level-service uses a resource its contract already serves\.$/,
    );
    expect(snapshot(tree)).toEqual(before);
  });

  it('a provider whose libraries already exist', async () => {
    const tree = await workspaceWithServices();
    tree.write('libs/stock-level-client/README.md', 'hand-written');
    const before = snapshot(tree);
    await expect(boundaryGenerator(tree, OPTIONS)).rejects.toThrow(
      /^libs\/stock-level-client already exists but is not the provider's client library: remove it or wire the boundary by hand\.$/,
    );
    expect(snapshot(tree)).toEqual(before);
  });

  it('an app whose main.ts starts no root module it can follow, naming the file and what it looked for', async () => {
    const tree = await workspaceWithServices();
    tree.write('apps/shop-service/src/main.ts', 'hand-written bootstrap\n');
    const before = snapshot(tree);
    await expect(boundaryGenerator(tree, OPTIONS)).rejects.toThrow(
      /^apps\/shop-service\/src\/main\.ts: found no NestFactory\.create\(RootModule\) or NestFactory\.create\(RootModule\.forRoot\(\.\.\.\)\) call, so the boundary cannot be wired there \(wire it by hand, or bring the file to that shape\)\.$/,
    );
    expect(snapshot(tree)).toEqual(before);
  });

  it('an app missing a file it must edit, naming the file', async () => {
    const tree = await workspaceWithServices();
    tree.delete('apps/stock-level-service/src/main.ts');
    const before = snapshot(tree);
    await expect(boundaryGenerator(tree, OPTIONS)).rejects.toThrow(
      /^apps\/stock-level-service\/src\/main\.ts does not exist: the generator finds the root module from the NestFactory\.create call in main\.ts\.$/,
    );
    expect(snapshot(tree)).toEqual(before);
  });

  it('a module whose imports are no array literal, naming the file and what it looked for', async () => {
    const tree = await workspaceWithServices();
    const path = 'apps/shop-service/src/shop-service.module.ts';
    tree.write(path, (tree.read(path, 'utf8') ?? '').replace(/imports: \[[^\]]*\]\),\n {6}\]/, 'imports: IMPORTS'));
    const before = snapshot(tree);
    await expect(boundaryGenerator(tree, OPTIONS)).rejects.toThrow(
      /^apps\/shop-service\/src\/shop-service\.module\.ts: found no imports: \[\.\.\.\] array literal in ShopServiceModule/,
    );
    expect(snapshot(tree)).toEqual(before);
  });
});

describe('boundary generator in deploy/: one Secret per consumer/provider pair, as the repository’s pairs have it', () => {
  let tree: Tree;
  const read = (path: string) => tree.read(path, 'utf8') ?? '';
  beforeAll(async () => {
    tree = createTreeWithEmptyWorkspace();
    for (const file of ['eslint.config.mjs', 'package.json', 'tsconfig.base.json', 'README.md', 'deploy/CREDENTIALS.md']) {
      tree.write(file, readFileSync(join(workspaceRoot, file), 'utf8'));
    }
    for (const file of ['deploy/base/kustomization.yaml', 'deploy/overlays/dev/kustomization.yaml', 'deploy/overlays/prod/kustomization.yaml']) {
      tree.write(file, readFileSync(join(workspaceRoot, file), 'utf8'));
    }
    await serviceGenerator(tree, { name: 'stock-level-service', port: 5010, database: true });
    await serviceGenerator(tree, { name: 'shop-service', port: 5011 });
    await serviceGenerator(tree, { name: 'storefront-service', port: 5013 });
    await boundaryGenerator(tree, OPTIONS);
  });
  const secretRef = (variable: string, key: string) =>
    `- name: ${variable}\n              valueFrom:\n                secretKeyRef:\n                  name: shop-service-to-stock-level-service\n                  key: ${key}\n`;

  it('has the provider’s container and its migration accept the consumer’s set from the pair’s Secret, key accepted', () => {
    const deployment = read('deploy/base/stock-level-service/deployment.yaml');
    expect(deployment.split(secretRef('STOCK_LEVEL_SERVICE_TOKENS_SHOP_SERVICE', 'accepted'))).toHaveLength(3);
    expect(deployment).not.toContain('STOCK_LEVEL_SERVICE_TOKEN\n');
  });

  it('has the consumer’s container call the provider by its Service, with the token of the pair’s Secret', () => {
    const deployment = read('deploy/base/shop-service/deployment.yaml');
    expect(deployment).toContain(
      '          env:\n            - name: STOCK_LEVEL_SERVICE_URL\n              value: http://stock-level-service:5010\n            ' +
        secretRef('STOCK_LEVEL_SERVICE_TOKEN', 'token'),
    );
  });

  it('generates the pair’s dev-only Secret and adds its production command to deploy/CREDENTIALS.md', () => {
    expect(read('deploy/overlays/dev/kustomization.yaml')).toMatch(
      /\n {2}- name: shop-service-to-stock-level-service\n {4}literals:\n {6}- token=dev-only-shop-service-to-stock-level-service\n {6}- accepted=dev-only-shop-service-to-stock-level-service\n$/,
    );
    expect(read('deploy/CREDENTIALS.md')).toContain(
      'kubectl -n boundary create secret generic fulfilment-service-to-inventory-service --from-literal=token="$T3" --from-literal=accepted="$T3"\n' +
        'kubectl -n boundary create secret generic shop-service-to-stock-level-service --from-literal=token="$T4" --from-literal=accepted="$T4"\n',
    );
  });

  it('lets the consumer’s pods into the provider in place of the ingress controller, and out to it on its port', () => {
    const ingress = read('deploy/base/stock-level-service/network-policy.yaml');
    expect(ingress).toContain('  ingress:\n    - from:\n        - podSelector:\n            matchLabels:\n              app.kubernetes.io/name: shop-service\n      ports:\n');
    expect(ingress).not.toContain('ingress-nginx\n');
    expect(read('deploy/base/shop-service/network-policy.yaml')).toMatch(
      /\n {4}- to:\n {8}- podSelector:\n {12}matchLabels:\n {14}app\.kubernetes\.io\/name: stock-level-service\n {6}ports:\n {8}- \{ protocol: TCP, port: 5010 \}\n$/,
    );
  });

  it('gives a second consumer its own pair beside the first', async () => {
    await boundaryGenerator(tree, { ...OPTIONS, consumer: 'storefront-service' });
    const deployment = read('deploy/base/stock-level-service/deployment.yaml');
    expect(deployment.match(/name: STOCK_LEVEL_SERVICE_TOKENS_STOREFRONT_SERVICE/g)).toHaveLength(2);
    expect(deployment.match(/name: STOCK_LEVEL_SERVICE_TOKENS_SHOP_SERVICE/g)).toHaveLength(2);
    expect(read('deploy/base/stock-level-service/network-policy.yaml')).toContain(
      '              app.kubernetes.io/name: shop-service\n        - podSelector:\n            matchLabels:\n              app.kubernetes.io/name: storefront-service\n      ports:\n',
    );
    expect(read('deploy/overlays/dev/kustomization.yaml').match(/- name: storefront-service-to-stock-level-service/g)).toHaveLength(1);
    expect(read('deploy/CREDENTIALS.md')).toContain('generic storefront-service-to-stock-level-service --from-literal=token="$T5"');
  });
});
