import { JsonErrorFilter, setupOpenApi } from '@boundary/service-kit';
import type { INestApplication } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { acceptEmptyBodiesOfAnyType } from './empty-body.parser';
import { inventoryProblem } from './inventory-service.problem';

/** Everything main.ts applies to the app, shared with the tests so they exercise the same pipeline. */
export function configureInventoryServiceApp<T extends INestApplication>(app: T): T {
  acceptEmptyBodiesOfAnyType(app as unknown as NestFastifyApplication);
  app.useGlobalFilters(new JsonErrorFilter(app.get(HttpAdapterHost), inventoryProblem));
  setupOpenApi(app, { title: 'Inventory Service', description: 'The Inventory Service.', version: '1' });
  return app;
}
