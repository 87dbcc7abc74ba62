import { committedOpenApiDrift } from '@boundary/testing';
import { join } from 'node:path';
import { startUserServiceTestApp } from './user-service.test-app';

/** The test app serves only the orders API unless told: these tests are about the document (which describes the health endpoints too). */
const SERVES = { serves: ['health', 'openApi'] } as const;

describe('User Service OpenAPI document', () => {
  it('is served at /docs-json and describes GET /users/{userId}/orders from the contract schemas', async () => {
    const { app, get } = await startUserServiceTestApp(undefined, undefined, SERVES);
    try {
      const { body } = await get('/docs-json').expect(200);
      const operation = body.paths['/users/{userId}/orders'].get;
      expect(Object.keys(operation.responses).sort()).toEqual(['200', '400', '404', '502', '503', '504']);
      expect(operation.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['cursor', 'limit', 'userId', 'x-deadline-ms']);
      expect(operation.responses['200'].headers).toHaveProperty('Link');
      const ok = operation.responses['200'].content['application/json'].schema;
      expect(ok.required).toEqual(['user_id', 'orders']);
      expect(ok.properties.orders.items.properties.quantity).toMatchObject({ type: 'integer', minimum: 0, exclusiveMinimum: true });
      expect(operation.responses['504'].content['application/json'].schema.required).toEqual(['error']);
    } finally {
      await app.close();
    }
  });

  it('describes one order of a user and the creation of an order', async () => {
    const { app, get } = await startUserServiceTestApp(undefined, undefined, SERVES);
    try {
      const { body } = await get('/docs-json').expect(200);
      const one = body.paths['/users/{userId}/orders/{orderId}'].get;
      expect(Object.keys(one.responses).sort()).toEqual(['200', '400', '404', '502', '503', '504']);
      expect(one.responses['200'].content['application/json'].schema.required).toEqual(['user_id', 'order']);
      const create = body.paths['/users/{userId}/orders'].post;
      expect(Object.keys(create.responses).sort()).toEqual(['200', '201', '400', '409', '422', '502', '503', '504']);
      expect(create.requestBody.content['application/json'].schema.required).toEqual(['item', 'quantity']);
      expect(create.responses['201'].headers).toHaveProperty('Location');
      expect(create.parameters.map((p: { name: string }) => p.name)).toContain('Idempotency-Key');
    } finally {
      await app.close();
    }
  });

  it('serves Swagger UI at /docs', async () => {
    const { app, get } = await startUserServiceTestApp(undefined, undefined, SERVES);
    try {
      const response = await get('/docs').expect(200);
      expect(response.text).toContain('swagger-ui');
    } finally {
      await app.close();
    }
  });

  // The breaking-change check (tools/deploy-safety) diffs this file across commits, so it must be what is served.
  it('equals the committed apps/user-service/openapi.json', async () => {
    const { app, get } = await startUserServiceTestApp(undefined, undefined, SERVES);
    try {
      const { body } = await get('/docs-json').expect(200);
      const drift = committedOpenApiDrift(body, {
        file: join(__dirname, '../openapi.json'),
        regenerate: 'UPDATE_OPENAPI=true npx nx test user-service --testPathPatterns=open-api.spec --skip-nx-cache',
        update: process.env.UPDATE_OPENAPI === 'true',
      });
      expect(drift).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});
