import { JsonErrorFilter, setupOpenApi } from '@boundary/service-kit';
import type { INestApplication } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

/** Everything main.ts applies to the app, shared with the tests so they exercise the same pipeline. */
export function configureFulfilmentServiceApp<T extends INestApplication>(app: T): T {
  app.useGlobalFilters(new JsonErrorFilter(app.get(HttpAdapterHost)));
  setupOpenApi(app, { title: 'Fulfilment Service', description: 'The Fulfilment Service.', version: '1' });
  return app;
}
