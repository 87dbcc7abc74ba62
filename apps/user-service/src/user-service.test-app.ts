import { OrderServiceClient, type OrderClientOptions } from '@boundary/order-client';
import type { OrderServiceClientStub } from '@boundary/order-client/testing';
import type { HttpServiceDouble } from '@boundary/testing';
import { createServiceFastifyAdapter, createServiceLogger } from '@boundary/service-kit';
import { HttpService } from '@nestjs/axios';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DestinationStream } from 'pino';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import { Logger } from 'nestjs-pino';
import type { UserServiceConfig } from './config/user-service.config';
import { configureUserServiceApp, serveUserServiceOpenApi } from './user-service.app';
import { UserServiceModule } from './user-service.module';

/** Where the test app's client points: a host no test can reach except through a double or interception. */
export const TEST_ORDER_SERVICE_URL = 'http://order-service.test:5001';
/**
 * Timeouts of the test app. Doubles answer synchronously, so a short one is safe. Over (intercepted) sockets the first
 * request of a cold test file also loads and compiles what the call path needs lazily; on a 2-core machine at load
 * 12–14 it took up to 1.3 s (bench/RESULTS.md, "issue 16 §2"), so the network gets a wide margin. Only the scenarios
 * whose provider never answers wait it out.
 */
export const TEST_TIMEOUT_MS = { doubles: 50, network: 2000 } as const;

/**
 * Client policies of the test app: one attempt per call and a breaker that never opens, because most tests are
 * about how one answer is mapped. Retries and the breaker have their own tests, which pass `config`.
 */
export const TEST_ORDER_CLIENT_POLICY: Partial<OrderClientOptions> = {
  retry: { maxRetries: 0, initialDelayMs: 1, maxDelayMs: 1 },
  circuitBreaker: { consecutiveFailures: 1_000_000, halfOpenAfterMs: 1 },
  maxResponseBytes: 1024 * 1024,
};

/** What a test may change in the test app besides its doubles. */
export interface UserServiceTestAppOptions {
  /** Replaces parts of the Order Service client's test options (e.g. `baseUrl`, `retry`, `token`). */
  orderClient?: Partial<OrderClientOptions>;
  /** Receives the app's JSON log lines; without it the app logs nothing. */
  logDestination?: DestinationStream;
  /**
   * What the app serves besides the orders API, which is all most tests call: `health` (`/health/*`) and `openApi`
   * (`/docs`, `/docs-json`; the document describes the health endpoints too, so it needs `health`). None by default:
   * each costs every test file that builds the app load time it does not use.
   */
  serves?: readonly ('health' | 'openApi')[];
}

/**
 * The real User Service app, with the same filters as main.ts, after `override` has swapped what the test
 * replaces (HttpService, OrderServiceClient, or nothing when HTTP is intercepted on the network).
 */
export async function startUserServiceTestApp(
  override: (builder: TestingModuleBuilder) => TestingModuleBuilder = (builder) => builder,
  orderServiceTimeoutMs: number = TEST_TIMEOUT_MS.doubles,
  options: UserServiceTestAppOptions = {},
): Promise<UserServiceTestApp> {
  const config: UserServiceConfig = {
    port: 0,
    logLevel: options.logDestination ? 'info' : 'silent',
    shutdownDrainMs: 0,
    orderClient: {
      baseUrl: TEST_ORDER_SERVICE_URL,
      timeoutMs: orderServiceTimeoutMs,
      attemptTimeoutMs: orderServiceTimeoutMs,
      ...TEST_ORDER_CLIENT_POLICY,
      ...options.orderClient,
    },
  };
  const logger = createServiceLogger({ level: config.logLevel, destination: options.logDestination });
  const serves = new Set(options.serves);
  const builder = Test.createTestingModule({ imports: [UserServiceModule.forRoot(config, logger, { health: serves.has('health') })] });
  const moduleRef = await override(builder).compile();
  const app = configureUserServiceApp(
    moduleRef.createNestApplication<NestFastifyApplication>(createServiceFastifyAdapter({ logger }), { bufferLogs: true }),
  );
  if (serves.has('openApi')) serveUserServiceOpenApi(app);
  // Nest's own lines (e.g. the problem mapping's) go through pino too: silent, or to `logDestination`.
  app.useLogger(app.get(Logger));
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    get: (path) => new InjectedRequest(app, 'GET', path),
    post: (path, body) => new InjectedRequest(app, 'POST', path, body),
  };
}

/** The started app, and `get` to call it in-process. */
export interface UserServiceTestApp {
  app: NestFastifyApplication;
  /**
   * A GET through Fastify's `inject()`: the whole request pipeline (hooks, filters, pipes) without a socket, so a
   * call costs a fraction of a millisecond instead of a connection. Not for paths whose dot-segments must reach
   * the server as sent: `inject()` parses the path as a WHATWG URL, which collapses `%2E%2E`.
   */
  get: (path: string) => TestRequest;
  /** A POST of `body` as JSON, the same way. */
  post: (path: string, body: unknown) => TestRequest;
}

/** What a test reads from an answer of the app. */
export interface TestResponse {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  /** The body parsed as JSON when its Content-Type says JSON, else `undefined`; typed loosely, as tests dig into it. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  text: string;
}

/** A request, sent when awaited. `set` adds a header; `expect(status)` fails with the status and body if they differ. */
export interface TestRequest extends PromiseLike<TestResponse> {
  set(name: string, value: string): TestRequest;
  expect(status: number): Promise<TestResponse>;
}

class InjectedRequest implements TestRequest {
  private readonly headers: Record<string, string> = {};

  constructor(
    private readonly app: NestFastifyApplication,
    private readonly method: 'GET' | 'POST',
    private readonly path: string,
    private readonly body?: unknown,
  ) {}

  set(name: string, value: string): TestRequest {
    this.headers[name] = value;
    return this;
  }

  async expect(status: number): Promise<TestResponse> {
    const response = await this.send();
    if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${response.text}`);
    return response;
  }

  then<A = TestResponse, B = never>(
    onFulfilled?: ((response: TestResponse) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): PromiseLike<A | B> {
    return this.send().then(onFulfilled, onRejected);
  }

  private async send(): Promise<TestResponse> {
    const response = await this.app.inject({
      method: this.method,
      url: this.path,
      headers: this.headers,
      ...(this.body === undefined ? {} : { payload: this.body as object }),
    });
    const text = response.body;
    const json = /\bjson\b/.test(String(response.headers['content-type'] ?? ''));
    return { status: response.statusCode, headers: response.headers, body: json && text ? JSON.parse(text) : undefined, text };
  }
}

/** The override that puts `double` in place of `HttpService`, under the real `OrderServiceClient`. */
export const withHttpService =
  (double: HttpServiceDouble) =>
  (builder: TestingModuleBuilder): TestingModuleBuilder =>
    builder.overrideProvider(HttpService).useValue(double);

/** The override that puts `stub` in place of the whole `OrderServiceClient`, under the real controller. */
export const withOrderServiceClient =
  (stub: OrderServiceClientStub) =>
  (builder: TestingModuleBuilder): TestingModuleBuilder =>
    builder.overrideProvider(OrderServiceClient).useValue(stub);
