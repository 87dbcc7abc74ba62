import { InventoryDatabase } from './database/inventory-database';
import { Controller, Get } from '@nestjs/common';
import { startInventoryServiceTestApp, type InventoryServiceTestApp } from './inventory-service.test-app';

const TOKEN = 'the-shared-service-token-0123456789';

/** A route of the service's own (OpenAPI and health are answered outside Nest's guards or exempt from them). */
@Controller('guarded')
class GuardedController {
  @Get()
  answer() {
    return { ok: true };
  }
}

describe('Inventory Service', () => {
  let service: InventoryServiceTestApp;
  beforeAll(async () => {
    service = await startInventoryServiceTestApp();
  });
  afterAll(async () => {
    await service?.app.close();
  });

  it('is live and ready', async () => {
    expect((await service.get('/health/live').expect(200)).body).toMatchObject({ status: 'ok' });
    expect((await service.get('/health/ready').expect(200)).body).toMatchObject({ status: 'ok' });
  });

  it('publishes its OpenAPI document at /docs-json and Swagger UI at /docs', async () => {
    expect((await service.get('/docs-json').expect(200)).body.info).toMatchObject({ title: 'Inventory Service' });
    expect((await service.get('/docs').expect(200)).text).toContain('swagger-ui');
  });

  it('answers an unknown route 404 JSON with the request id', async () => {
    const response = await service.get('/nowhere').set('x-request-id', 'caller-id-1').expect(404);
    expect(response.body).toEqual({ error: expect.any(String), code: 'NOT_FOUND' });
    expect(response.headers['x-request-id']).toBe('caller-id-1');
  });
});

describe('Inventory Service with INVENTORY_SERVICE_TOKENS_ORDER_SERVICE set (ConsumerGuard)', () => {
  it('answers its routes 401 JSON without the token and serves them with it; health probes stay open', async () => {
    const { app, get } = await startInventoryServiceTestApp({ acceptedTokens: { 'order-service': [TOKEN] }, controllers: [GuardedController] });
    try {
      expect((await get('/guarded').expect(401)).body).toEqual({
        error: 'Missing or invalid service token',
        code: 'UNAUTHORIZED',
      });
      expect((await get('/guarded').set('Authorization', `Bearer ${TOKEN}`).expect(200)).body).toEqual({ ok: true });
      await get('/health/live').expect(200);
    } finally {
      await app.close();
    }
  });
});

describe('Inventory Service logs (JSON lines read from a stream)', () => {
  it('writes one line per request carrying its id, and never the token', async () => {
    const lines: Record<string, unknown>[] = [];
    const { app, get } = await startInventoryServiceTestApp({
      acceptedTokens: { 'order-service': [TOKEN] },
      logDestination: { write: (line: string) => lines.push(JSON.parse(line)) },
    });
    try {
      await get('/health/live').set('Authorization', `Bearer ${TOKEN}`).set('x-request-id', 'caller-id-2').expect(200);
      expect(lines).toContainEqual(
        expect.objectContaining({ reqId: 'caller-id-2', req: { id: 'caller-id-2', method: 'GET', url: '/health/live' } }),
      );
      expect(JSON.stringify(lines)).not.toContain(TOKEN);
    } finally {
      await app.close();
    }
  });
});

describe('Inventory Service readiness on its database', () => {
  it('is not ready once the database is gone, while still live', async () => {
    const { app, get } = await startInventoryServiceTestApp();
    try {
      expect((await get('/health/ready').expect(200)).body).toMatchObject({ info: { database: { status: 'up' } } });
      await app.get(InventoryDatabase).close();
      expect((await get('/health/ready').expect(503)).body).toEqual({
        error: 'Not ready: database unreachable',
        code: 'NOT_READY',
      });
      await get('/health/live').expect(200);
    } finally {
      await app.close();
    }
  });
});

