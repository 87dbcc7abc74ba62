import { createServiceFastifyAdapter, JsonErrorFilter, setupOpenApi, type ServiceLogger } from '@boundary/service-kit';
import type { INestApplication } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { ordersProblem } from './orders/orders.problem';

/** Largest request body the Order Service reads; larger ones answer `413`. */
export const ORDER_SERVICE_BODY_LIMIT = 100 * 1024;

/**
 * The Fastify adapter of the Order Service, shared by main.ts and the tests. It reads JSON only: without Fastify's
 * `text/plain` parser (and Nest's urlencoded one, see {@link ORDER_SERVICE_APP_OPTIONS}) any other body type is `415`.
 * Logs requests through `logger` when given one.
 */
export function createOrderServiceAdapter(logger?: ServiceLogger) {
  const adapter = createServiceFastifyAdapter({ bodyLimit: ORDER_SERVICE_BODY_LIMIT, logger });
  adapter.getInstance().removeContentTypeParser('text/plain');
  return adapter;
}

/** App options of main.ts and the tests: Fastify's own JSON parser (with `bodyLimit`), no urlencoded parser. */
export const ORDER_SERVICE_APP_OPTIONS = { bodyParser: false } as const;

/** Everything main.ts applies to the app, shared with the tests so they exercise the same pipeline. */
export function configureOrderServiceApp<T extends INestApplication>(app: T): T {
  app.useGlobalFilters(new JsonErrorFilter(app.get(HttpAdapterHost), ordersProblem));
  setupOpenApi(app, {
    title: 'Order Service',
    description: 'Owns orders: a user’s history (paginated, newest first), one order, and idempotent order creation.',
    version: '1',
  });
  return app;
}
