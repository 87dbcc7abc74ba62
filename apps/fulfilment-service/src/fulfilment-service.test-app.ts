import { createServiceFastifyAdapter, createServiceLogger } from '@boundary/service-kit';
import type { Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import { loadFulfilmentServiceConfig } from './config/fulfilment-service.config';
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
}

/** A started test app and supertest against its server. */
export interface FulfilmentServiceTestApp {
  app: NestFastifyApplication;
  get: (path: string) => request.Test;
}

/** The Fulfilment Service as main.ts builds it — root module, consumer guard, JSON logs, adapter and filters. */
export async function startFulfilmentServiceTestApp({
  credentials,
  logDestination,
  controllers = [],
}: FulfilmentServiceTestAppOptions = {}): Promise<FulfilmentServiceTestApp> {
  const logger = createServiceLogger({ level: logDestination ? 'info' : 'silent', destination: logDestination });
  const moduleRef = await Test.createTestingModule({
    // The rest of the configuration (a provider's client, say) as an unset environment gives it: its defaults.
    imports: [FulfilmentServiceModule.forRoot({ ...loadFulfilmentServiceConfig({}), ...(credentials && { credentials }), logger })],
    controllers,
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createServiceFastifyAdapter({ logger }), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  configureFulfilmentServiceApp(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return { app, get: (path) => request(app.getHttpServer()).get(path) };
}
