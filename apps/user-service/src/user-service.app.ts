import { JsonErrorFilter } from '@boundary/service-kit';
import type { INestApplication } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { orderServiceProblem } from './user-orders/order-service.problem';

/** Everything main.ts applies to the app, shared with the tests so they exercise the same pipeline. */
export function configureUserServiceApp<T extends INestApplication>(app: T): T {
  app.useGlobalFilters(new JsonErrorFilter(app.get(HttpAdapterHost), orderServiceProblem));
  app.enableShutdownHooks();
  return app;
}
