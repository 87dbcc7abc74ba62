import { committedOpenApiDrift } from '@boundary/testing';
import { join } from 'node:path';
import { startOrderServiceTestApp, type OrderServiceTestApp } from './order-service.test-app';
import { TEST_BACKENDS, type TestDatabase } from './testing/test-databases';

describe('Order Service OpenAPI document', () => {
  let testDatabase: TestDatabase;
  let service: OrderServiceTestApp;

  beforeAll(async () => {
    testDatabase = await TEST_BACKENDS[0].create();
    service = await startOrderServiceTestApp(testDatabase.options());
  });

  afterAll(async () => {
    await service?.app.close();
    await testDatabase?.drop();
  });

  it('documents every route with the contract’s schemas and error answers', async () => {
    const { body } = await service.get('/docs-json').expect(200);
    const history = body.paths['/users/{userId}/orders'].get;
    expect(Object.keys(history.responses).sort()).toEqual(['200', '400', '404', '503']);
    expect(history.responses['200'].headers).toHaveProperty('Link');
    expect(history.parameters.map((parameter: { name: string }) => parameter.name).sort()).toEqual([
      'cursor',
      'limit',
      'userId',
      'x-deadline-ms',
    ]);
    const create = body.paths['/orders'].post;
    expect(Object.keys(create.responses).sort()).toEqual(['200', '201', '400', '409', '413', '415', '422', '503']);
    expect(create.requestBody.content['application/json'].schema).toMatchObject({
      required: ['user_id', 'item', 'quantity'],
      additionalProperties: false,
    });
    expect(Object.keys(body.paths['/orders/{orderId}'].get.responses).sort()).toEqual(['200', '400', '404', '503']);
  });

  // The breaking-change check (tools/deploy-safety) diffs this file across commits, so it must be what is served.
  it('equals the committed apps/order-service/openapi.json', async () => {
    const { body } = await service.get('/docs-json').expect(200);
    const drift = committedOpenApiDrift(body, {
      file: join(__dirname, '../openapi.json'),
      regenerate: 'UPDATE_OPENAPI=true npx nx test order-service --testPathPatterns=open-api.spec --skip-nx-cache',
      update: process.env.UPDATE_OPENAPI === 'true',
    });
    expect(drift).toBeUndefined();
  });
});
