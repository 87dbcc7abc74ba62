import { createServiceFastifyAdapter } from '@boundary/service-kit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import request from 'supertest';
import { configureOrderServiceApp } from './order-service.app';
import { OrderServiceModule } from './order-service.module';

/** The real Order Service app with the same adapter and filters as main.ts, after `override`. */
export async function startOrderServiceTestApp(
  override: (builder: TestingModuleBuilder) => TestingModuleBuilder = (builder) => builder,
): Promise<{ app: NestFastifyApplication; get: (path: string) => request.Test }> {
  const moduleRef = await override(Test.createTestingModule({ imports: [OrderServiceModule] })).compile();
  const app = configureOrderServiceApp(
    moduleRef.createNestApplication<NestFastifyApplication>(createServiceFastifyAdapter(), { logger: false }),
  );
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return { app, get: (path) => request(app.getHttpServer()).get(path) };
}
