import { JsonErrorFilter } from '@boundary/service-kit';
import type { INestApplication } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

/** Everything main.ts applies to the app, shared with the tests so they exercise the same pipeline. */
export function configureOrderServiceApp<T extends INestApplication>(app: T): T {
  app.useGlobalFilters(new JsonErrorFilter(app.get(HttpAdapterHost)));
  app.enableShutdownHooks();
  return app;
}
