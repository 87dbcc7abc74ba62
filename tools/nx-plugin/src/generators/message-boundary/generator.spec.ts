import { logger, readJson, readProjectConfiguration, writeJson, type Tree } from '@nx/devkit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addNestApplication, changedFiles as snapshot, treeLikeThisWorkspace } from '../../testing/tree-fixtures';
import { boundaryGenerator } from '../boundary/generator';
import { serviceGenerator } from '../service/generator';
import { messageBoundaryGenerator } from './generator';
import { MESSAGING_DEPENDENCIES } from './messaging-packages';

const workspaceRoot = join(__dirname, '../../../../..');

/** This workspace's root files, a publisher made with --database and a consumer made without, by the service generator. */
async function workspaceWithServices(): Promise<Tree> {
  const tree = treeLikeThisWorkspace();
  await serviceGenerator(tree, { name: 'billing-service', port: 5010, database: true });
  await serviceGenerator(tree, { name: 'shop-service', port: 5011 });
  return tree;
}

const OPTIONS = { publisher: 'billing-service', consumer: 'shop-service', event: 'invoice-issued' };
const CONTRACT = 'libs/billing-events-contract';

describe('message-boundary generator', () => {
  let tree: Tree;
  beforeAll(async () => {
    tree = await workspaceWithServices();
    await messageBoundaryGenerator(tree, OPTIONS);
  });
  const read = (path: string) => tree.read(path, 'utf8') ?? '';

  it('creates the events contract library, tagged type:contract and scope:<publisher>, mapped in tsconfig.base.json', () => {
    expect(readProjectConfiguration(tree, 'billing-events-contract')).toMatchObject({ root: CONTRACT, projectType: 'library', tags: ['type:contract', 'scope:billing'] });
    expect(tree.children(`${CONTRACT}/src/lib`).sort()).toEqual([
      'billing-event-provider-states.ts',
      'billing-events.async-api.spec.ts',
      'billing-events.async-api.ts',
      'invoice-issued.event.spec.ts',
      'invoice-issued.event.ts',
      'invoice-issued.fixtures.ts',
      'invoice-issued.queue.spec.ts',
      'invoice-issued.queue.ts',
    ]);
    expect(readJson(tree, 'tsconfig.base.json').compilerOptions.paths['@boundary/billing-events-contract']).toEqual([`./${CONTRACT}/src/index.ts`]);
  });

  it('writes the pattern, the schema with its version, the fixture, the queue and the AsyncAPI builder', () => {
    const event = read(`${CONTRACT}/src/lib/invoice-issued.event.ts`);
    expect(event).toContain("export const INVOICE_ISSUED = 'invoices.issued';");
    expect(event).toContain('export const INVOICE_ISSUED_VERSION = 1;');
    expect(event).toContain('version: z.literal(INVOICE_ISSUED_VERSION),');
    expect(event).toContain('invoice_id: z.string()');
    expect(read(`${CONTRACT}/src/lib/invoice-issued.fixtures.ts`)).toContain('export function anInvoiceIssuedEvent(');
    expect(read(`${CONTRACT}/src/lib/invoice-issued.queue.ts`)).toContain("export const INVOICE_ISSUED_QUEUE = 'shop.invoices-issued';");
    const asyncApi = read(`${CONTRACT}/src/lib/billing-events.async-api.ts`);
    expect(asyncApi).toContain('export function billingEventsAsyncApi(): AsyncApiDocument');
    expect(asyncApi).toContain("title: 'An invoice was issued',");
    expect(read(`${CONTRACT}/src/lib/billing-event-provider-states.ts`)).toContain("providerState<{ invoiceId: string }>('invoice {invoiceId} was issued')");
  });

  it('registers the ClientProxy in the publisher’s root module through its syntax tree, with the publisher service', () => {
    const root = read('apps/billing-service/src/billing-service.module.ts');
    expect(root).toContain("import { ClientsModule } from '@nestjs/microservices';");
    expect(root).toContain("import { INVOICE_ISSUED_CLIENT } from './events/invoice-issued.tokens';");
    expect(root).toContain('ClientsModule.registerAsync([{ name: INVOICE_ISSUED_CLIENT, useFactory: () => invoiceIssuedClientOptions(process.env) }]),');
    expect(root).toContain('providers: [ConsumerGuard.provide(options.credentials), InvoiceIssuedPublisher],');
  });

  it('writes the publisher service, its spec on the kit’s ClientProxy double, and the keep-equal spec of its asyncapi.json', () => {
    expect(read('apps/billing-service/src/events/invoice-issued.publisher.ts')).toContain('const data = InvoiceIssuedEventSchema.parse(event);');
    expect(read('apps/billing-service/src/events/invoice-issued.publisher.spec.ts')).toContain('new ClientProxyDouble().expects(INVOICE_ISSUED, InvoiceIssuedEventSchema)');
    const asyncApi = read('apps/billing-service/src/async-api.spec.ts');
    expect(asyncApi).toContain("file: join(__dirname, '../asyncapi.json'),");
    expect(asyncApi).toContain("regenerate: 'UPDATE_ASYNCAPI=true npx nx test billing-service --testPathPatterns=async-api.spec --skip-nx-cache',");
  });

  it('puts the handler and its collaborator in the consumer’s root module', () => {
    const root = read('apps/shop-service/src/shop-service.module.ts');
    expect(root).toContain("import { InvoiceIssuedConsumer } from './events/invoice-issued.consumer';");
    expect(root).toContain('controllers: [InvoiceIssuedConsumer],');
    expect(root).toContain('providers: [ConsumerGuard.provide(options.credentials), InvoiceIssuedHandler],');
    const consumer = read('apps/shop-service/src/events/invoice-issued.consumer.ts');
    expect(consumer).toContain('@UseInterceptors(RmqAckInterceptor)');
    expect(consumer).toContain('@EventPattern(INVOICE_ISSUED)');
    expect(consumer).toContain('@Payload(new MessageSchemaPipe(INVOICE_ISSUED, InvoiceIssuedEventSchema))');
  });

  it('connects the RMQ microservice in the consumer’s main.ts before it listens, with dead-lettering, and starts it after', () => {
    const main = read('apps/shop-service/src/main.ts');
    expect(main).toContain("import { connectInvoiceIssuedConsumer, startInvoiceIssuedConsumer } from './events/invoice-issued.consumer-options';");
    expect(main).toContain("  connectInvoiceIssuedConsumer(app, process.env);\n  await app.listen(config.port, '0.0.0.0');\n  startInvoiceIssuedConsumer(app);\n");
    expect(read('apps/shop-service/src/events/invoice-issued.consumer-options.ts')).toContain(
      'new DeadLetteringRmqServer(options, invoiceIssuedQueueTopology(options.queue).deadLetter)',
    );
  });

  it('tests the consumer in process: acked, dead-lettered at once, requeued, dead-lettered past the limit', () => {
    const spec = read('apps/shop-service/src/events/invoice-issued.consumer.spec.ts');
    expect(spec).toContain("toEqual({ outcome: 'acked', attempts: 1, extraSettlements: 0 })");
    expect(spec).toContain('consumer.rmq.deliverRaw(');
    expect(spec).toContain("toMatchObject({ outcome: 'acked', attempts: 2 })");
    expect(spec).toContain('attempts: INVOICE_ISSUED_DELIVERY_LIMIT + 1,');
    expect(read('apps/shop-service/src/testing/invoice-issued-consumer.in-process.ts')).toContain('new InProcessRmqServer(invoiceIssuedConsumerOptions(DEFAULT_RABBITMQ_URL))');
  });

  it('writes the consumer’s message pact and the publisher’s verification, in the targets every boundary has', () => {
    expect(read('apps/shop-service/src/contract/billing-service.invoice-issued.pact.spec.ts')).toContain(
      "consumerPact({ consumer: 'shop-service', provider: 'billing-service' })",
    );
    const verification = read('apps/billing-service/src/contract/billing-service.messages.pact-verify.spec.ts');
    expect(verification).toContain("pactsUnderVerification('billing-service').filter(isMessagePact)");
    // Against what the publisher emits, for the subject the pact's state names.
    expect(verification).toContain('await publisher.publish(anInvoiceIssuedEvent(id === undefined ? {} : { invoice_id: id }));');
    // can-i-deploy's PACT_FILE may name an HTTP pact: the file still gives a verdict.
    expect(verification).toContain("it('has no message pact to verify in this run'");
    const publisher = readProjectConfiguration(tree, 'billing-service');
    expect(publisher.implicitDependencies).toEqual(['shop-service']);
    expect(publisher.targets?.['verify']?.options.command).toContain("--testPathPatterns '\\.pact-verify\\.spec\\.ts$'");
    expect(readProjectConfiguration(tree, 'shop-service').targets?.['contract']?.outputs).toEqual(['{workspaceRoot}/pacts/shop-service-billing-service.json']);
  });

  it('lets the consumer’s scope depend on the publisher’s, and adds a TESTING.md section', () => {
    const eslint = read('eslint.config.mjs');
    expect(eslint).toContain("{ sourceTag: 'scope:shop', onlyDependOnLibsWithTags: ['scope:shop', 'scope:billing', 'scope:shared'] }");
    expect(eslint).toContain("{ sourceTag: 'scope:billing', onlyDependOnLibsWithTags: ['scope:billing', 'scope:shared'] }");
    const testing = read('TESTING.md');
    expect(testing).toContain('## Message boundary billing-service → shop-service (`invoices.issued`)');
    expect(testing).toContain('npx nx verify billing-service    # HTTP and message pacts');
  });

  it('leaves package.json as it is when it lists the messaging packages already', () => {
    expect(readJson(tree, 'package.json')).toEqual(JSON.parse(readFileSync(join(workspaceRoot, 'package.json'), 'utf8')));
  });

  it('says so, and changes nothing, when run again for the same event', async () => {
    const before = snapshot(tree);
    const info = jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    try {
      await messageBoundaryGenerator(tree, OPTIONS);
      expect(info).toHaveBeenCalledWith('shop-service already consumes invoices.issued from billing-service (libs/billing-events-contract): nothing to change.');
    } finally {
      info.mockRestore();
    }
    expect(snapshot(tree)).toEqual(before);
  });
});

describe('message-boundary generator on input it cannot serve', () => {
  let tree: Tree;
  beforeEach(async () => {
    tree = await workspaceWithServices();
  });

  const refuses = async (options: Partial<typeof OPTIONS>, message: string) => {
    const before = snapshot(tree);
    await expect(messageBoundaryGenerator(tree, { ...OPTIONS, ...options })).rejects.toThrow(message);
    expect(snapshot(tree)).toEqual(before);
  };

  it('refuses an unknown app, naming the apps there are', () =>
    refuses({ consumer: 'nowhere-service' }, 'Unknown consumer "nowhere-service": pass an existing app, e.g. billing-service or shop-service.'));

  it('refuses a library as an app', async () => {
    await messageBoundaryGenerator(tree, OPTIONS);
    await expect(messageBoundaryGenerator(tree, { ...OPTIONS, publisher: 'billing-events-contract' })).rejects.toThrow('Unknown publisher "billing-events-contract"');
  });

  it('refuses an app that is not a NestJS app', () => {
    tree.write('apps/shop-service/src/main.ts', "console.log('hello');\n");
    return refuses({}, 'The consumer "shop-service" is not a NestJS app: apps/shop-service/src/main.ts does not start one with NestFactory.');
  });

  it('refuses the same app on both sides', () => refuses({ consumer: 'billing-service' }, 'Publisher and consumer are both "billing-service"'));

  it.each(['InvoiceIssued', 'invoice_issued', 'issued'])('refuses the event name %p', (event) =>
    refuses({ event }, `Invalid event "${event}": use kebab-case <subject>-<verb>, e.g. invoice-issued or stock-level-changed.`),
  );

  it('refuses an event that exists already for another consumer', async () => {
    await messageBoundaryGenerator(tree, OPTIONS);
    await serviceGenerator(tree, { name: 'mail-service', port: 5012 });
    await refuses({ consumer: 'mail-service' }, 'The event invoices.issued already exists (libs/billing-events-contract/src/lib/invoice-issued.event.ts)');
  });

  it('refuses a second event of a publisher whose events contract exists, saying it is not generated yet', async () => {
    await messageBoundaryGenerator(tree, OPTIONS);
    await refuses({ event: 'invoice-paid' }, 'libs/billing-events-contract already exists: adding invoice-paid to an existing events contract is not generated yet');
  });

  it('refuses a consumer main.ts that never calls app.listen, in one line, writing nothing', () => {
    const main = tree.read('apps/shop-service/src/main.ts', 'utf8') ?? '';
    tree.write('apps/shop-service/src/main.ts', main.replace("await app.listen(config.port, '0.0.0.0');", ''));
    return refuses({}, 'apps/shop-service/src/main.ts: found no `await app.listen(...)` statement after NestFactory.create, so the boundary cannot be wired there');
  });
});

describe('message-boundary generator in other workspaces', () => {
  it('wires a consumer made by @nx/nest:application: its AppModule and its main.ts', async () => {
    const tree = await workspaceWithServices();
    addNestApplication(tree, 'front');
    await messageBoundaryGenerator(tree, { ...OPTIONS, consumer: 'front' });
    expect(tree.read('apps/front/src/app/app.module.ts', 'utf8')).toContain('controllers: [AppController, InvoiceIssuedConsumer],');
    const main = tree.read('apps/front/src/main.ts', 'utf8') ?? '';
    expect(main).toMatch(/connectInvoiceIssuedConsumer\(app, process\.env\);\n\s*await app\.listen\(port\);\n\s*startInvoiceIssuedConsumer\(app\);/);
    expect(readProjectConfiguration(tree, 'front').tags).toEqual(['type:app', 'scope:front']);
  });

  it('wires a publisher made by @nx/nest:application: the ClientProxy and the publisher in its AppModule’s metadata', async () => {
    const tree = await workspaceWithServices();
    addNestApplication(tree, 'ledger');
    await messageBoundaryGenerator(tree, { ...OPTIONS, publisher: 'ledger' });
    const root = tree.read('apps/ledger/src/app/app.module.ts', 'utf8') ?? '';
    expect(root).toContain("import { INVOICE_ISSUED_CLIENT } from '../events/invoice-issued.tokens';");
    expect(root).toMatch(/imports: \[\s*ClientsModule\.registerAsync\(\[\s*\{ name: INVOICE_ISSUED_CLIENT, useFactory: \(\) => invoiceIssuedClientOptions\(process\.env\) \},?\s*\]\),?\s*\]/);
    expect(root).toContain('providers: [AppService, InvoiceIssuedPublisher]');
    expect(tree.exists('libs/ledger-events-contract/src/lib/invoice-issued.event.ts')).toBe(true);
    expect(readProjectConfiguration(tree, 'ledger').targets?.['verify']).toBeDefined();
  });

  it('adds the messaging packages, at the versions this repository pins, to a package.json that lacks them', async () => {
    const tree = await workspaceWithServices();
    const manifest = readJson(tree, 'package.json');
    for (const name of Object.keys(MESSAGING_DEPENDENCIES)) delete manifest.dependencies[name];
    writeJson(tree, 'package.json', manifest);
    await messageBoundaryGenerator(tree, OPTIONS);
    expect(readJson(tree, 'package.json').dependencies).toMatchObject(MESSAGING_DEPENDENCIES);
  });

  it('leaves a publisher’s HTTP pacts to its HTTP verification and its message pacts to the message one, in one verify target', async () => {
    const tree = await workspaceWithServices();
    await boundaryGenerator(tree, { provider: 'billing-service', consumer: 'shop-service', resource: 'invoices' });
    await messageBoundaryGenerator(tree, OPTIONS);
    const contract = 'apps/billing-service/src/contract';
    expect(tree.read(`${contract}/billing-service.pact-verify.spec.ts`, 'utf8')).toContain("pactsUnderVerification('billing-service').filter((file) => !isMessagePact(file))");
    expect(tree.read(`${contract}/billing-service.messages.pact-verify.spec.ts`, 'utf8')).toContain("pactsUnderVerification('billing-service').filter(isMessagePact)");
    expect(readProjectConfiguration(tree, 'billing-service').implicitDependencies).toEqual(['shop-service']);
  });

  it('adds no TESTING.md where the workspace has none', async () => {
    const tree = await workspaceWithServices();
    tree.delete('TESTING.md');
    await messageBoundaryGenerator(tree, OPTIONS);
    expect(tree.exists('TESTING.md')).toBe(false);
  });
});
