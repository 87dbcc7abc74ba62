import { logger, readJson, readProjectConfiguration, type Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import * as ts from 'typescript';
import { serviceGenerator } from '../service/generator';
import { boundaryGenerator } from './generator';
import { addNestApplication, copyAppFromWorkspace, copyFromWorkspace } from '../../testing/tree-fixtures';

/** A workspace with the repository's ESLint config, TESTING.md, package.json and tsconfig.base.json, a provider with --database and a consumer, both made by the service generator. */
async function workspace(): Promise<Tree> {
  const tree = createTreeWithEmptyWorkspace();
  for (const file of ['eslint.config.mjs', 'TESTING.md', 'package.json', 'tsconfig.base.json']) copyFromWorkspace(tree, file);
  await serviceGenerator(tree, { name: 'stock-level-service', port: 5010, database: true });
  await serviceGenerator(tree, { name: 'shop-service', port: 5011 });
  return tree;
}

/** Every changed file of the tree with its content. */
function snapshot(tree: Tree): Map<string, string> {
  return new Map(tree.listChanges().map((change) => [change.path, change.content?.toString() ?? '']));
}

/** The files under `prefix` whose content differs between two snapshots. */
function changedUnder(before: Map<string, string>, after: Map<string, string>, prefix: string): string[] {
  return [...after].filter(([path, content]) => path.startsWith(prefix) && before.get(path) !== content).map(([path]) => path).sort();
}

/** Whether `content` parses as TypeScript without a syntax error. */
function parses(path: string, content: string): boolean {
  const source = ts.createSourceFile(path, content, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS) as ts.SourceFile & {
    parseDiagnostics: unknown[];
  };
  return source.parseDiagnostics.length === 0;
}

const read = (tree: Tree, path: string) => tree.read(path, 'utf8') ?? '';

describe('boundary generator on an app made by @nx/nest:application, as consumer', () => {
  let tree: Tree;
  beforeAll(async () => {
    tree = await workspace();
    addNestApplication(tree, 'storefront');
    await boundaryGenerator(tree, { provider: 'stock-level-service', consumer: 'storefront', resource: 'warehouse-items' });
  });

  it('imports the client into its AppModule with options from the environment, through forRootAsync and a validated loader of its own', () => {
    const module = read(tree, 'apps/storefront/src/app/app.module.ts');
    expect(module).toContain(
      'imports: [\n    StockLevelClientModule.forRootAsync({ useFactory: () => loadStockLevelClientConfig(process.env), isGlobal: true }),\n  ],',
    );
    expect(module).toContain("import { loadStockLevelClientConfig } from '../config/stock-level-client.config';");
    expect(parses('app.module.ts', module)).toBe(true);
    const loader = read(tree, 'apps/storefront/src/config/stock-level-client.config.ts');
    expect(loader).toContain("STOCK_LEVEL_SERVICE_URL: z\n    .url(");
    expect(loader).toContain(".default('http://localhost:5010')");
    expect(loader).toContain('STOCK_LEVEL_SERVICE_TOKEN: z.string().min(16');
    expect(tree.exists('apps/storefront/src/config/stock-level-client.config.spec.ts')).toBe(true);
  });

  it('writes a test app on its root module, overridable as the kit documents, and a wiring spec through it', () => {
    const testApp = read(tree, 'apps/storefront/src/storefront.test-app.ts');
    expect(testApp).toContain("import { AppModule } from './app/app.module';");
    expect(testApp).toContain('export async function startStorefrontTestApp(');
    expect(testApp).toContain('override(Test.createTestingModule({ imports: [AppModule] }))');
    expect(read(tree, 'apps/storefront/src/storefront.stock-level-client.spec.ts')).toContain('await startStorefrontTestApp()');
  });

  it('gives it a pact spec, a contract target and a Jest config that leaves the pact spec to it', () => {
    expect(read(tree, 'apps/storefront/src/contract/stock-level-service.pact.spec.ts')).toContain(
      "consumerPact({ consumer: 'storefront', provider: 'stock-level-service' })",
    );
    expect(readProjectConfiguration(tree, 'storefront').targets?.['contract'].outputs).toEqual([
      '{workspaceRoot}/pacts/storefront-stock-level-service.json',
    ]);
    expect(read(tree, 'apps/storefront/jest.config.cjs')).toContain(
      "  // Consumer contract tests write pacts/ and run as their own target (`nx contract storefront`).\n  testPathIgnorePatterns: ['/node_modules/', '\\\\.pact\\\\.spec\\\\.ts$'],\n};",
    );
    expect(readProjectConfiguration(tree, 'stock-level-service').implicitDependencies).toEqual(['storefront']);
  });

  it('tags the untagged app as the module-boundary rules it adds name it, so that it may use the libraries', () => {
    expect(readProjectConfiguration(tree, 'storefront').tags).toEqual(['type:app', 'scope:storefront']);
    expect(read(tree, 'eslint.config.mjs')).toContain(
      "{ sourceTag: 'scope:storefront', onlyDependOnLibsWithTags: ['scope:storefront', 'scope:stock-level', 'scope:shared'] },",
    );
  });

  it('keeps the libraries named after a provider <name>-service: <name>-contract and <name>-client', () => {
    expect(readProjectConfiguration(tree, 'stock-level-contract').tags).toEqual(['type:contract', 'scope:stock-level']);
    expect(readProjectConfiguration(tree, 'stock-level-client').tags).toEqual(['type:client', 'scope:stock-level']);
  });
});

describe('boundary generator on an app made by @nx/nest:application, as provider', () => {
  let tree: Tree;
  let said: unknown[];
  beforeAll(async () => {
    tree = await workspace();
    addNestApplication(tree, 'payments');
    const info = jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    const callback = await boundaryGenerator(tree, { provider: 'payments', consumer: 'shop-service', resource: 'charges' });
    await callback();
    said = info.mock.calls.map(([line]) => line);
    info.mockRestore();
  });

  it('names the libraries after the app: payments-contract and payments-client', () => {
    expect(readProjectConfiguration(tree, 'payments-contract').tags).toEqual(['type:contract', 'scope:payments']);
    expect(readJson(tree, 'tsconfig.base.json').compilerOptions.paths['@boundary/payments-client']).toEqual(['./libs/payments-client/src/index.ts']);
  });

  it('puts the route and the repository into the app’s own module', () => {
    const module = read(tree, 'apps/payments/src/app/app.module.ts');
    expect(module).toContain('controllers: [AppController, ChargesController]');
    expect(module).toContain('providers: [AppService, { provide: ChargeRepository, useClass: InMemoryChargeRepository }]');
    expect(module).toContain("import { ChargesController } from '../charges/charges.controller';");
    expect(parses('app.module.ts', module)).toBe(true);
  });

  it('verifies every consumer’s pact through a test app it writes, with the provider states, from a verify target', () => {
    expect(read(tree, 'apps/payments/src/payments.test-app.ts')).toContain('export async function startPaymentsTestApp(');
    const verification = read(tree, 'apps/payments/src/contract/payments.pact-verify.spec.ts');
    expect(verification).toContain("pactsUnderVerification('payments')");
    expect(verification).toContain('const { app } = await startPaymentsTestApp();');
    // The app has no service-token guard: no token test.
    expect(verification).not.toContain('SERVICE_TOKEN');
    expect(verification).toContain('providerStateHandlers(seedable, PAYMENTS_PROVIDER_STATES, {');
    expect(read(tree, 'apps/payments/src/charges/charges.controller.spec.ts')).toContain('service = await startPaymentsTestApp();');
    const payments = readProjectConfiguration(tree, 'payments');
    expect(payments.implicitDependencies).toEqual(['shop-service']);
    expect(payments.tags).toEqual(['type:app', 'scope:payments']);
    expect(payments.targets?.['verify'].options.cwd).toBe('apps/payments');
  });

  it('points the consumer at the provider on Nest’s default port, having no recorded one, under its global prefix', () => {
    expect(read(tree, 'apps/shop-service/src/config/shop-service.config.ts')).toContain(".default('http://localhost:3000/api')");
  });

  it('says in one line that it skips the OpenAPI document of an app without open-api.spec.ts', () => {
    expect(said).toEqual([
      "payments declares no consumerCredentialsEnv('payments', [...]) in its configuration: shop-service is not added to what it accepts, its authentication stays as it is.",
      'payments has no apps/payments/src/open-api.spec.ts: no committed OpenAPI document to update.',
    ]);
  });
});

describe('boundary generator on reformatted files', () => {
  it('wires a root module written on one line with its imports reordered, and a feature module likewise', async () => {
    const tree = await workspace();
    // The import statements in reverse order, then the whole file on one line.
    const squash = (path: string) => {
      const content = read(tree, path);
      const statements = content.match(/^import[\s\S]*?;$/gm) ?? [];
      const body = content.replace(/^import[\s\S]*?;$/gm, '');
      tree.write(path, `${[...statements].reverse().join(' ')} ${body}`.replace(/\s*\n\s*/g, ' '));
    };
    squash('apps/shop-service/src/shop-service.module.ts');
    squash('apps/stock-level-service/src/stock-level/stock-level.module.ts');
    await boundaryGenerator(tree, { provider: 'stock-level-service', consumer: 'shop-service', resource: 'warehouse-items' });
    const module = read(tree, 'apps/shop-service/src/shop-service.module.ts');
    expect(module).toContain('StockLevelClientModule.forRoot({ ...options.stockLevelClient, requestId: currentRequestId, deadlineAt: currentDeadlineAt, isGlobal: true })');
    expect(module).toContain("Pick<ShopServiceConfig, 'credentials' | 'stockLevelClient'>");
    expect(parses('shop-service.module.ts', module)).toBe(true);
    const feature = read(tree, 'apps/stock-level-service/src/stock-level/stock-level.module.ts');
    expect(feature).toContain('controllers: [WarehouseItemsController]');
    expect(feature).toContain('{ provide: WarehouseItemRepository, useClass: InMemoryWarehouseItemRepository }');
    expect(parses('stock-level.module.ts', feature)).toBe(true);
  });
});

describe('boundary generator run twice', () => {
  it('changes nothing the second time and says so', async () => {
    const tree = await workspace();
    const options = { provider: 'stock-level-service', consumer: 'shop-service', resource: 'warehouse-items' };
    await boundaryGenerator(tree, options);
    const before = snapshot(tree);
    const info = jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    await boundaryGenerator(tree, options);
    expect(info).toHaveBeenCalledWith(
      'shop-service already consumes stock-level-service (apps/shop-service/src/contract/stock-level-service.pact.spec.ts): nothing to change.',
    );
    info.mockRestore();
    expect(snapshot(tree)).toEqual(before);
  });
});

describe('boundary generator: a second consumer of a provider', () => {
  let tree: Tree;
  let before: Map<string, string>;
  beforeAll(async () => {
    tree = await workspace();
    await serviceGenerator(tree, { name: 'storefront-service', port: 5013 });
    await boundaryGenerator(tree, { provider: 'stock-level-service', consumer: 'shop-service', resource: 'warehouse-items' });
    before = snapshot(tree);
    await boundaryGenerator(tree, { provider: 'stock-level-service', consumer: 'storefront-service', resource: 'warehouse-items' });
  });
  const after = () => snapshot(tree);

  it('shares the contract and client libraries: neither changes, nor the first consumer, nor TESTING.md', () => {
    expect(changedUnder(before, after(), 'libs/')).toEqual([]);
    expect(changedUnder(before, after(), 'apps/shop-service/')).toEqual([]);
    expect(changedUnder(before, after(), 'TESTING.md')).toEqual([]);
  });

  it('adds the second consumer’s wiring, pact spec and contract target', () => {
    expect(changedUnder(before, after(), 'apps/storefront-service/')).toEqual([
      'apps/storefront-service/project.json',
      'apps/storefront-service/src/config/storefront-service.config.spec.ts',
      'apps/storefront-service/src/config/storefront-service.config.ts',
      'apps/storefront-service/src/contract/stock-level-service.pact.spec.ts',
      'apps/storefront-service/src/storefront-service.module.ts',
      'apps/storefront-service/src/storefront-service.stock-level-client.spec.ts',
    ]);
    expect(readProjectConfiguration(tree, 'storefront-service').targets?.['contract'].outputs).toEqual([
      '{workspaceRoot}/pacts/storefront-service-stock-level-service.json',
    ]);
  });

  it('has the provider verify both pacts after both contracts: its verify spec reads every pact, it depends on both consumers', () => {
    // Its configuration declares the second consumer beside the first, each accepted by its own set.
    expect(changedUnder(before, after(), 'apps/stock-level-service/')).toEqual([
      'apps/stock-level-service/project.json',
      'apps/stock-level-service/src/config/stock-level-service.config.ts',
    ]);
    expect(read(tree, 'apps/stock-level-service/src/config/stock-level-service.config.ts').replace(/\s+/g, '')).toContain(
      "consumerCredentialsEnv('stock-level-service',['shop-service','storefront-service',])",
    );
    expect(readProjectConfiguration(tree, 'stock-level-service').implicitDependencies).toEqual(['shop-service', 'storefront-service']);
    expect(read(tree, 'apps/stock-level-service/src/contract/stock-level-service.pact-verify.spec.ts')).toContain("pactsUnderVerification('stock-level-service')");
  });
});

describe('boundary generator on the repository’s User and Order Services as consumers of a fresh provider', () => {
  let tree: Tree;
  let said: unknown[];
  beforeAll(async () => {
    tree = createTreeWithEmptyWorkspace();
    for (const file of ['eslint.config.mjs', 'TESTING.md', 'package.json', 'tsconfig.base.json']) copyFromWorkspace(tree, file);
    copyAppFromWorkspace(tree, 'user-service');
    copyAppFromWorkspace(tree, 'order-service');
    await serviceGenerator(tree, { name: 'payments-service', port: 5020 });
    const info = jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    await boundaryGenerator(tree, { provider: 'payments-service', consumer: 'user-service', resource: 'charges' });
    await boundaryGenerator(tree, { provider: 'payments-service', consumer: 'order-service', resource: 'charges' });
    said = info.mock.calls.map(([line]) => line);
    info.mockRestore();
  });

  it('wires the User Service: the forRoot DynamicModule’s imports, its validated config, and its test app’s configuration object', () => {
    const module = read(tree, 'apps/user-service/src/user-service.module.ts');
    expect(module).toContain('PaymentsClientModule.forRoot({ ...config.paymentsClient, requestId: currentRequestId, deadlineAt: currentDeadlineAt, isGlobal: true })');
    expect(parses('user-service.module.ts', module)).toBe(true);
    const config = read(tree, 'apps/user-service/src/config/user-service.config.ts');
    expect(config).toContain("PAYMENTS_SERVICE_URL: z\n      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://localhost:5020' })");
    expect(config).toContain('paymentsClient: PaymentsClientOptions;');
    expect(config).toContain('paymentsClient: {\n      baseUrl: e.PAYMENTS_SERVICE_URL,');
    const testApp = read(tree, 'apps/user-service/src/user-service.test-app.ts');
    expect(testApp).toContain('paymentsClient: loadUserServiceConfig({}).paymentsClient');
    expect(testApp).toContain("import { loadUserServiceConfig } from './config/user-service.config';");
    expect(read(tree, 'apps/user-service/src/config/user-service.config.spec.ts')).toContain(
      "paymentsClient: { baseUrl: 'http://localhost:5020', timeoutMs: 2000 }",
    );
    expect(read(tree, 'apps/user-service/src/user-service.payments-client.spec.ts')).toContain('await startUserServiceTestApp()');
  });

  it('wires the Order Service: its options Pick, main.ts and test app passing options field by field', () => {
    const module = read(tree, 'apps/order-service/src/order-service.module.ts');
    expect(module).toContain("Pick<OrderServiceConfig, 'credentials' | 'paymentsClient' | 'inventoryClient'>");
    expect(module).toContain('PaymentsClientModule.forRoot({ ...options.paymentsClient, requestId: currentRequestId, deadlineAt: currentDeadlineAt, isGlobal: true })');
    expect(read(tree, 'apps/order-service/src/main.ts')).toContain(
      'inventoryClient: config.inventoryClient, database, paymentsClient: config.paymentsClient, logger: serviceLogger',
    );
    expect(read(tree, 'apps/order-service/src/order-service.test-app.ts')).toContain('paymentsClient: loadOrderServiceConfig({}).paymentsClient,');
    // Its test app needs a database: no wiring spec, said in one line.
    expect(tree.exists('apps/order-service/src/order-service.payments-client.spec.ts')).toBe(false);
    expect(said).toContain('order-service: no wiring spec written (startOrderServiceTestApp needs arguments); its pact spec uses the real client.');
  });

  it('makes the Order Service the provider’s second consumer', () => {
    expect(readProjectConfiguration(tree, 'payments-service').implicitDependencies).toEqual(['user-service', 'order-service']);
    expect(readProjectConfiguration(tree, 'order-service').targets?.['contract'].outputs).toContain(
      '{workspaceRoot}/pacts/order-service-payments-service.json',
    );
  });
});

describe('boundary generator on apps whose Jest config is not jest.config.cjs', () => {
  it('edits their jest.config.ts and has their contract and verify targets run it', async () => {
    const tree = await workspace();
    for (const app of ['storefront', 'ledger']) {
      addNestApplication(tree, app);
      tree.delete(`apps/${app}/jest.config.cjs`);
      tree.write(`apps/${app}/jest.config.ts`, `export default {\n  displayName: '${app}',\n  preset: '../../jest.preset.js',\n  coverageDirectory: '../../coverage/apps/${app}',\n};\n`);
    }
    await boundaryGenerator(tree, { provider: 'ledger', consumer: 'storefront', resource: 'entries' });
    expect(read(tree, 'apps/storefront/jest.config.ts')).toContain("testPathIgnorePatterns: ['/node_modules/', '\\\\.pact\\\\.spec\\\\.ts$'],");
    expect(read(tree, 'apps/ledger/jest.config.ts')).toContain("testPathIgnorePatterns: ['/node_modules/', '\\\\.pact-verify\\\\.spec\\\\.ts$'],");
    expect(readProjectConfiguration(tree, 'storefront').targets?.['contract'].options.command).toContain('jest --config jest.config.ts ');
    expect(readProjectConfiguration(tree, 'ledger').targets?.['verify'].options.command).toContain('jest --config jest.config.ts ');
  });
});
