import { JsonErrorFilter, setupOpenApi } from '@boundary/service-kit';
import type { INestApplication } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { orderServiceFailureProblem } from './user-orders/order-service-failure.problem';

/** Everything main.ts applies to the app, shared with the tests so they exercise the same pipeline. */
export function configureUserServiceApp<T extends INestApplication>(app: T): T {
  app.useGlobalFilters(new JsonErrorFilter(app.get(HttpAdapterHost), orderServiceFailureProblem));
  app.enableShutdownHooks();
  setupOpenApi(app, {
    title: 'User Service',
    description: 'A user’s order history, fetched from the Order Service with every failure mapped to a documented answer.',
    version: '1',
  });
  return app;
}
