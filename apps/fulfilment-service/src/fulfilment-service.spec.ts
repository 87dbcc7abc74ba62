import { Controller, Get } from '@nestjs/common';
import { startFulfilmentServiceTestApp, type FulfilmentServiceTestApp } from './fulfilment-service.test-app';

const TOKEN = 'the-shared-service-token-0123456789';

/** A route of the service's own (OpenAPI and health are answered outside Nest's guards or exempt from them). */
@Controller('guarded')
class GuardedController {
  @Get()
  answer() {
    return { ok: true };
  }
}

describe('Fulfilment Service', () => {
  let service: FulfilmentServiceTestApp;
  beforeAll(async () => {
    service = await startFulfilmentServiceTestApp();
  });
  afterAll(async () => {
    await service?.app.close();
  });

  it('is live and ready', async () => {
    expect((await service.get('/health/live').expect(200)).body).toMatchObject({ status: 'ok' });
    expect((await service.get('/health/ready').expect(200)).body).toMatchObject({ status: 'ok' });
  });

  it('publishes its OpenAPI document at /docs-json and Swagger UI at /docs', async () => {
    expect((await service.get('/docs-json').expect(200)).body.info).toMatchObject({ title: 'Fulfilment Service' });
    expect((await service.get('/docs').expect(200)).text).toContain('swagger-ui');
  });

  it('answers an unknown route 404 JSON with the request id', async () => {
    const response = await service.get('/nowhere').set('x-request-id', 'caller-id-1').expect(404);
    expect(response.body).toEqual({ error: expect.any(String), code: 'NOT_FOUND' });
    expect(response.headers['x-request-id']).toBe('caller-id-1');
  });
});

/** Accepted sets of a consumer it may have one day (its configuration declares none yet). */
const CREDENTIALS = { provider: 'fulfilment-service', accepted: { 'warehouse-ui': [TOKEN] }, open: false };

describe('Fulfilment Service with accepted sets (ConsumerGuard)', () => {
  it('answers its routes 401 JSON without the token and serves them with it; health probes stay open', async () => {
    const { app, get } = await startFulfilmentServiceTestApp({ credentials: CREDENTIALS, controllers: [GuardedController] });
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

  it('refuses every call but the probes 401 when closed without a consumer (production, as its configuration is now)', async () => {
    const closed = { provider: 'fulfilment-service', accepted: {}, open: false };
    const { app, get } = await startFulfilmentServiceTestApp({ credentials: closed, controllers: [GuardedController] });
    try {
      expect((await get('/guarded').set('Authorization', `Bearer ${TOKEN}`).expect(401)).body).toEqual({
        error: 'Missing or invalid service token',
        code: 'UNAUTHORIZED',
      });
      await get('/health/ready').expect(200);
    } finally {
      await app.close();
    }
  });
});

describe('Fulfilment Service logs (JSON lines read from a stream)', () => {
  it('writes one line per request carrying its id, and never the token', async () => {
    const lines: Record<string, unknown>[] = [];
    const { app, get } = await startFulfilmentServiceTestApp({
      credentials: CREDENTIALS,
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

