import { IDEMPOTENCY_KEY_HEADER } from '@boundary/http-conventions';
import { committedOpenApiDrift } from '@boundary/testing';
import { join } from 'node:path';
import { startInventoryServiceTestApp, type InventoryServiceTestApp } from './inventory-service.test-app';

describe('Inventory Service OpenAPI document', () => {
  let service: InventoryServiceTestApp;

  beforeAll(async () => {
    service = await startInventoryServiceTestApp();
  });

  afterAll(async () => {
    await service?.app.close();
  });

  it('documents POST /reservations: body, Idempotency-Key, 201 with Location, 200 replay and every error', async () => {
    const { body } = await service.get('/docs-json').expect(200);
    const reserve = body.paths['/reservations'].post;
    expect(Object.keys(reserve.responses).sort()).toEqual(['200', '201', '400', '403', '409', '422', '503']);
    expect(reserve.responses['403'].description).toMatch(/FORBIDDEN_CONSUMER/);
    expect(reserve.responses['201'].headers).toHaveProperty('Location');
    expect(reserve.responses['422'].description).toMatch(/UNKNOWN_ITEM/);
    expect(reserve.responses['409'].description).toMatch(/OUT_OF_STOCK.*IDEMPOTENCY_KEY_REUSED/);
    expect(reserve.responses['409'].content['application/json'].schema).toMatchObject({
      properties: { error: { type: 'string' }, code: { type: 'string' } },
    });
    expect(reserve.requestBody.content['application/json'].schema).toMatchObject({
      required: ['item', 'quantity'],
      additionalProperties: false,
    });
    expect(reserve.parameters).toContainEqual(expect.objectContaining({ name: IDEMPOTENCY_KEY_HEADER, in: 'header' }));
  });

  it('documents DELETE /reservations/{reservationId}: 204, 400, 403, 404, 409', async () => {
    const { body } = await service.get('/docs-json').expect(200);
    const release = body.paths['/reservations/{reservationId}'].delete;
    expect(Object.keys(release.responses).sort()).toEqual(['204', '400', '403', '404', '409', '503']);
    expect(release.parameters).toContainEqual(expect.objectContaining({ name: 'reservationId', in: 'path' }));
  });

  it.each([
    ['/reservations/{reservationId}/confirmation', /HOLD_EXPIRED/],
    ['/reservations/{reservationId}/shipment', /RESERVATION_NOT_CONFIRMED/],
  ])('documents PUT %s: 200 with the reservation’s state, 400, 403, 404, 409 and 503', async (path, conflict) => {
    const { body } = await service.get('/docs-json').expect(200);
    const put = body.paths[path].put;
    expect(Object.keys(put.responses).sort()).toEqual(['200', '400', '403', '404', '409', '503']);
    expect(put.responses['409'].description).toMatch(conflict);
    expect(put.responses['200'].content['application/json'].schema.properties.state).toMatchObject({
      enum: ['held', 'confirmed', 'shipped', 'released'],
    });
  });

  it('documents RESERVATION_SHIPPED among DELETE’s answers and GET /items/{itemId}/units', async () => {
    const { body } = await service.get('/docs-json').expect(200);
    expect(body.paths['/reservations/{reservationId}'].delete.responses['409'].description).toMatch(/RESERVATION_SHIPPED/);
    expect(body.paths['/items/{itemId}/units'].get.responses['200'].content['application/json'].schema.required).toEqual([
      'item',
      'available',
      'held',
      'confirmed',
      'shipped',
      'received',
    ]);
  });

  // The breaking-change check (tools/deploy-safety) diffs this file across commits, so it must be what is served.
  it('equals the committed apps/inventory-service/openapi.json', async () => {
    const { body } = await service.get('/docs-json').expect(200);
    const drift = committedOpenApiDrift(body, {
      file: join(__dirname, '../openapi.json'),
      regenerate: 'UPDATE_OPENAPI=true npx nx test inventory-service --testPathPatterns=open-api.spec --skip-nx-cache',
      update: process.env.UPDATE_OPENAPI === 'true',
    });
    expect(drift).toBeUndefined();
  });
});
