import { eventNames } from './message-names';
import type { MessageBoundary } from './message-plan';
import { withConsumerConnected } from './message-wiring';

const b = { ...eventNames('invoice-issued') } as MessageBoundary;
const connect = (main: string) => withConsumerConnected('apps/x/src/main.ts', main, b, './events/invoice-issued.consumer-options');

describe('withConsumerConnected (main.ts)', () => {
  it('connects the consumer before the listen statement and starts it after, in the statement’s indentation', () => {
    const main = "async function bootstrap() {\n    const server = await NestFactory.create(AppModule);\n    await server.listen(3000);\n}\n";
    expect(connect(main)).toBe(
      "import { connectInvoiceIssuedConsumer, startInvoiceIssuedConsumer } from './events/invoice-issued.consumer-options';\n" +
        'async function bootstrap() {\n    const server = await NestFactory.create(AppModule);\n' +
        '    // Hybrid: the HTTP API and the invoices.issued consumer in one process.\n    connectInvoiceIssuedConsumer(server, process.env);\n' +
        '    await server.listen(3000);\n    startInvoiceIssuedConsumer(server);\n}\n',
    );
  });

  it('leaves the start to a main.ts that starts its microservices already', () => {
    const main = 'const app = await NestFactory.create(AppModule);\nawait app.listen(3000);\nvoid app.startAllMicroservices();\n';
    const connected = connect(main);
    expect(connected).toContain('connectInvoiceIssuedConsumer(app, process.env);\nawait app.listen(3000);\nvoid app.startAllMicroservices();\n');
    expect(connected).not.toContain('startInvoiceIssuedConsumer');
  });

  it('refuses a main.ts that does not keep the app NestFactory.create makes', () => {
    expect(() => connect('void NestFactory.create(AppModule).then((app) => app.listen(3000));\n')).toThrow(
      'apps/x/src/main.ts: found no `const app = await NestFactory.create(...)`, which the message consumer is connected to',
    );
  });
});
