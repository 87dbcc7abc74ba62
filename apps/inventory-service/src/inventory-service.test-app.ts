import { acceptedTokensEnv, createServiceFastifyAdapter, createServiceLogger, type ConsumerCredentials } from '@boundary/service-kit';
import type { Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Logger } from 'nestjs-pino';
import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import { loadInventoryServiceConfig } from './config/inventory-service.config';
import { configureInventoryServiceApp } from './inventory-service.app';
import { InventoryServiceModule, type InventoryServiceOptions } from './inventory-service.module';

/** The app's migrations, as the source tree holds them (dist holds a copy beside main.js). */
export const MIGRATIONS_FOLDER = join(__dirname, '../migrations');

/** How a test wants the Inventory Service; by default as in development: no credentials, no logs, in-memory PGlite. */
export interface InventoryServiceTestAppOptions extends Partial<Pick<InventoryServiceOptions, 'database' | 'reservations'>> {
  /** What it accepts from each consumer (`{ 'order-service': [token] }`); none: open, as in development. */
  acceptedTokens?: ConsumerCredentials['accepted'];
  /** Where the JSON log lines go (level `info`); nothing is logged without one. */
  logDestination?: DestinationStream;
  /** Controllers joined to the root module, e.g. a route a test needs that the service does not have yet. */
  controllers?: Type[];
}

/** A started test app and supertest against its server. */
export interface InventoryServiceTestApp {
  app: NestFastifyApplication;
  http: () => ReturnType<typeof request>;
  get: (path: string) => request.Test;
}

/** The Inventory Service as main.ts builds it — root module, consumer guard, JSON logs, adapter and filters. */
export async function startInventoryServiceTestApp({
  acceptedTokens = {},
  logDestination,
  controllers = [],
  database = { migrationsFolder: MIGRATIONS_FOLDER, seedDemoData: false },
  reservations,
}: InventoryServiceTestAppOptions = {}): Promise<InventoryServiceTestApp> {
  const config = loadInventoryServiceConfig(acceptedTokensEnv('inventory-service', acceptedTokens));
  const logger = createServiceLogger({ level: logDestination ? 'info' : 'silent', destination: logDestination });
  const moduleRef = await Test.createTestingModule({
    imports: [InventoryServiceModule.forRoot({ credentials: config.credentials, reservations: reservations ?? config.reservations, logger, database })],
    controllers,
  }).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createServiceFastifyAdapter({ logger }), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  configureInventoryServiceApp(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const http = () => request(app.getHttpServer());
  return { app, http, get: (path) => http().get(path) };
}
