import { InventoryServiceClient } from '@boundary/inventory-client';
import { InventoryServiceClientStub } from '@boundary/inventory-client/testing';
import { HttpService } from '@nestjs/axios';
import { createServiceFastifyAdapter, createServiceLogger } from '@boundary/service-kit';
import type { Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import type { ServiceDatabaseLocation } from '@boundary/service-kit/database';
import { InProcessRmqServer } from '@boundary/testing/messages';
import { join } from 'node:path';
import { loadFulfilmentServiceConfig } from './config/fulfilment-service.config';
import { orderEventsConsumerOptions } from './messaging/order-events.consumer-options';
import type { ShippingRetry } from './shipments/reservation-shipping';
import { ShipmentRepository } from './shipments/shipment.repository';
import { SHIPPING_RETRY } from './shipments/shipments.tokens';
import { configureFulfilmentServiceApp } from './fulfilment-service.app';
import { FulfilmentServiceModule, type FulfilmentServiceOptions } from './fulfilment-service.module';

/** How a test wants the Fulfilment Service; by default as in development: no credentials, no logs. */
export interface FulfilmentServiceTestAppOptions {
  /** What it accepts from whom; by default its configuration's (open, as in development). */
  credentials?: FulfilmentServiceOptions['credentials'];
  /** Where the JSON log lines go (level `info`); nothing is logged without one. */
  logDestination?: DestinationStream;
  /** Controllers joined to the root module, e.g. a route a test needs that the service does not have yet. */
  controllers?: Type[];
  /** Where shipments are kept: an embedded PGlite in memory by default. */
  database?: ServiceDatabaseLocation;
  /** The queue the in-process RabbitMQ server stands for (the contract's by default). */
  queue?: string;
  /**
   * What stands in for the Inventory Service: a strict stub by default (a shipment no test scripted fails, as an
   * unreachable inventory would); `'real'` keeps the real client.
   */
  inventory?: InventoryServiceClientStub | 'real';
  /** With `inventory: 'real'`: what stands in for `@nestjs/axios`' `HttpService` (e.g. an `HttpServiceDouble`). */
  httpService?: object;
  /** How a delivery retries an inventory that cannot answer; by default twice, 1 ms apart (the app's waits seconds). */
  shippingRetry?: ShippingRetry;
}

/** A started test app and supertest against its server. */
export interface FulfilmentServiceTestApp {
  app: NestFastifyApplication;
  get: (path: string) => request.Test;
  /** Delivers messages into the consumer's real pipeline (pipe, interceptor, handler), with no broker. */
  rmq: InProcessRmqServer;
  /** The service's shipments. */
  shipments: ShipmentRepository;
  /** The stub standing in for the Inventory Service (an unused one with `inventory: 'real'`). */
  inventory: InventoryServiceClientStub;
}

/** The service's own migrations, as the source tree holds them. */
export const FULFILMENT_MIGRATIONS_FOLDER = join(__dirname, '../migrations');

/** The Fulfilment Service as main.ts builds it — root module, consumer guard, JSON logs, adapter and filters. */
export async function startFulfilmentServiceTestApp({
  credentials,
  logDestination,
  controllers = [],
  database = { seedDemoData: false, migrationsFolder: FULFILMENT_MIGRATIONS_FOLDER },
  queue,
  inventory = new InventoryServiceClientStub(),
  httpService,
  shippingRetry = { retries: 2, firstDelayMs: 1, maxDelayMs: 1 },
}: FulfilmentServiceTestAppOptions = {}): Promise<FulfilmentServiceTestApp> {
  const logger = createServiceLogger({ level: logDestination ? 'info' : 'silent', destination: logDestination });
  const builder = Test.createTestingModule({
    // The rest of the configuration (a provider's client, say) as an unset environment gives it: its defaults.
    imports: [
      FulfilmentServiceModule.forRoot({ ...loadFulfilmentServiceConfig({}), ...(credentials && { credentials }), logger, database }),
    ],
    controllers,
  });
  if (inventory !== 'real') builder.overrideProvider(InventoryServiceClient).useValue(inventory);
  if (httpService !== undefined) builder.overrideProvider(HttpService).useValue(httpService);
  builder.overrideProvider(SHIPPING_RETRY).useValue(shippingRetry);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createServiceFastifyAdapter({ logger }), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  configureFulfilmentServiceApp(app);
  const rmq = new InProcessRmqServer(orderEventsConsumerOptions({ ...loadFulfilmentServiceConfig({}).events, ...(queue ? { queue } : {}) }));
  app.connectMicroservice({ strategy: rmq });
  await app.startAllMicroservices();
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const stub = inventory === 'real' ? new InventoryServiceClientStub() : inventory;
  return { app, get: (path) => request(app.getHttpServer()).get(path), rmq, shipments: app.get(ShipmentRepository), inventory: stub };
}
