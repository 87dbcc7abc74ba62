import { InventoryServiceClient, type InventoryClientOptions } from '@boundary/inventory-client';
import { HttpService } from '@nestjs/axios';
import { InventoryServiceClientStub } from '@boundary/inventory-client/testing';
import type { Provider } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { acceptedTokensEnv, createServiceLogger, type ConsumerCredentials } from '@boundary/service-kit';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import type { ServiceDatabaseLocation } from '@boundary/service-kit/database';
import { ORDER_PLACED, OrderPlacedEventSchema } from '@boundary/order-events-contract';
import { ClientProxyDouble } from '@boundary/testing/messages';
import { loadOrderServiceConfig } from './config/order-service.config';
import { ORDER_EVENTS_CLIENT } from './events/order-events.tokens';
import { OutboxRelay, type OutboxRelayOptions } from './events/outbox-relay';
import { configureOrderServiceApp, createOrderServiceAdapter, ORDER_SERVICE_APP_OPTIONS } from './order-service.app';
import { OrderServiceModule } from './order-service.module';

/** How a test wants the Order Service beyond its database; by default as in development: no credentials, no logs. */
export interface OrderServiceTestAppOptions {
  /** What it accepts from each consumer (`{ 'user-service': [token] }`); none: open, as in development. */
  acceptedTokens?: ConsumerCredentials['accepted'];
  /** Where the JSON log lines go (level `info`); nothing is logged without one. */
  logDestination?: DestinationStream;
  /** Providers joined to the root module (e.g. an `APP_INTERCEPTOR` that only one test may install). */
  providers?: Provider[];
  /**
   * What stands in for the Inventory Service: a strict stub by default (a reservation no test scripted fails, so no
   * test gets stock it did not ask for); `'real'` keeps the real client, for a test that intercepts its HTTP.
   */
  inventory?: InventoryServiceClientStub | 'real';
  /** With `inventory: 'real'`: the client's options over the configuration's defaults (e.g. a host nock intercepts). */
  inventoryClient?: Partial<InventoryClientOptions>;
  /** With `inventory: 'real'`: what stands in for `@nestjs/axios`' `HttpService` (e.g. an `HttpServiceDouble`). */
  httpService?: object;
  /**
   * What stands in for the broker: a strict double expecting `orders.placed` (checked against the contract) by default;
   * `'real'` keeps the app's `ClientRMQ` (it connects only when the relay first publishes).
   */
  events?: ClientProxyDouble | 'real';
  /** The outbox relay's options; by default it never polls on its own (a test calls `relay.relayOnce()`). */
  relay?: Partial<OutboxRelayOptions>;
}

/** A started test app and supertest against its server. */
export interface OrderServiceTestApp {
  app: NestFastifyApplication;
  http: () => ReturnType<typeof request>;
  get: (path: string) => request.Test;
  /** The stub standing in for the Inventory Service (an unused one with `inventory: 'real'`). */
  inventory: InventoryServiceClientStub;
  /** The double standing in for the broker: what the relay published (an unused one with `events: 'real'`). */
  events: ClientProxyDouble;
  /** The app's outbox relay. */
  relay: OutboxRelay;
}

/** The double every test app publishes to unless given another: `orders.placed`, checked against the contract. */
export function orderEventsDouble(): ClientProxyDouble {
  return new ClientProxyDouble().expects(ORDER_PLACED, OrderPlacedEventSchema);
}

/**
 * The Order Service as main.ts builds it — root module, consumer guard, JSON logs, adapter and filters — on
 * `database`, started but not listening.
 */
export async function startOrderServiceTestApp(
  database: ServiceDatabaseLocation,
  {
    acceptedTokens = {},
    logDestination,
    providers = [],
    inventory = new InventoryServiceClientStub(),
    inventoryClient,
    httpService,
    events = orderEventsDouble(),
    relay,
  }: OrderServiceTestAppOptions = {},
): Promise<OrderServiceTestApp> {
  const logger = createServiceLogger({ level: logDestination ? 'info' : 'silent', destination: logDestination });
  const builder = Test.createTestingModule({
    imports: [
      OrderServiceModule.forRoot({
        credentials: loadOrderServiceConfig(acceptedTokensEnv('order-service', acceptedTokens)).credentials,
        inventoryClient: { ...loadOrderServiceConfig({}).inventoryClient, ...inventoryClient },
        events: loadOrderServiceConfig({}).events,
        relay: { autoStart: false, ...relay },
        database,
        logger,
      }),
    ],
    providers,
  });
  if (inventory !== 'real') builder.overrideProvider(InventoryServiceClient).useValue(inventory);
  if (httpService !== undefined) builder.overrideProvider(HttpService).useValue(httpService);
  if (events !== 'real') builder.overrideProvider(ORDER_EVENTS_CLIENT).useValue(events);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createOrderServiceAdapter(logger), {
    ...ORDER_SERVICE_APP_OPTIONS,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  configureOrderServiceApp(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const http = () => request(app.getHttpServer());
  const stub = inventory === 'real' ? new InventoryServiceClientStub() : inventory;
  const double = events === 'real' ? orderEventsDouble() : events;
  return { app, http, get: (path) => http().get(path), inventory: stub, events: double, relay: app.get(OutboxRelay) };
}
