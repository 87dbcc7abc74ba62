import { JsonErrorFilter, setupOpenApi } from '@boundary/service-kit';
import type { INestApplication } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { orderServiceFailureProblem } from './user-orders/order-service-failure.problem';

/** Everything main.ts applies to the app's request pipeline, shared with the tests so they exercise the same one. */
export function configureUserServiceApp<T extends INestApplication>(app: T): T {
  app.useGlobalFilters(new JsonErrorFilter(app.get(HttpAdapterHost), orderServiceFailureProblem));
  return app;
}

/**
 * The OpenAPI document at `/docs` and `/docs-json`: main.ts serves it; of the tests, those about the document (setting
 * it up registers Swagger UI's static files, which no other test needs).
 */
export function serveUserServiceOpenApi<T extends INestApplication>(app: T): T {
  setupOpenApi(app, {
    title: 'User Service',
    description: 'A user’s order history, fetched from the Order Service with every failure mapped to a documented answer.',
    version: '1',
  });
  return app;
}
