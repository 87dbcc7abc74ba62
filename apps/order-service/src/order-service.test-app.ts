import type { Provider } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import request from 'supertest';
import type { OpenOrderDatabaseOptions } from './database/open-order-database';
import { configureOrderServiceApp, createOrderServiceAdapter, ORDER_SERVICE_APP_OPTIONS } from './order-service.app';
import { OrderServiceModule } from './order-service.module';

/** A started test app and supertest against its server. */
export interface OrderServiceTestApp {
  app: NestFastifyApplication;
  http: () => ReturnType<typeof request>;
  get: (path: string) => request.Test;
}

/**
 * The real Order Service app on `database`, with the same adapter and filters as main.ts, after `override`;
 * `extraProviders` join the root module (e.g. an `APP_INTERCEPTOR` that only one test may install).
 */
export async function startOrderServiceTestApp(
  database: OpenOrderDatabaseOptions,
  override: (builder: TestingModuleBuilder) => TestingModuleBuilder = (builder) => builder,
  extraProviders: Provider[] = [],
): Promise<OrderServiceTestApp> {
  const moduleRef = await override(
    Test.createTestingModule({ imports: [OrderServiceModule.forRoot(database)], providers: extraProviders }),
  ).compile();
  const app = configureOrderServiceApp(
    moduleRef.createNestApplication<NestFastifyApplication>(createOrderServiceAdapter(), {
      ...ORDER_SERVICE_APP_OPTIONS,
      logger: false,
    }),
  );
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const http = () => request(app.getHttpServer());
  return { app, http, get: (path) => http().get(path) };
}
