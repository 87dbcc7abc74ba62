// The module object itself (a namespace import would be a copy), so the guard sees the spy.
import crypto from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { startOrderServiceTestApp } from '../order-service.test-app';
import { TEST_BACKENDS, type TestDatabase } from '../testing/test-databases';

const TOKEN = 'the-user-service-token-0123456789';
const NEXT = 'the-user-service-next-token-01234';
const UNAUTHORIZED = { error: 'Missing or invalid service token', code: 'UNAUTHORIZED', user_id: 'user123' };

// Storage is not what these tests are about: the embedded database (the first backend) is enough.
const [embedded] = TEST_BACKENDS;

describe('Order Service with ORDER_SERVICE_TOKENS_USER_SERVICE set (ConsumerGuard)', () => {
  let testDatabase: TestDatabase;
  let app: NestFastifyApplication;
  beforeAll(async () => {
    testDatabase = await embedded.create();
    ({ app } = await startOrderServiceTestApp(testDatabase.options({ seedDemoData: true }), { acceptedTokens: { 'user-service': [TOKEN] } }));
  });
  afterAll(async () => {
    await app?.close();
    await testDatabase?.drop();
  });
  afterEach(() => jest.restoreAllMocks());

  const orders = () => request(app.getHttpServer()).get('/users/user123/orders');

  it('answers a call with Authorization: Bearer <token>', async () => {
    const response = await orders().set('Authorization', `Bearer ${TOKEN}`).expect(200);
    expect(response.body).toHaveLength(2);
  });

  it('answers the user-service with its current or its next token while both are accepted (a rotation under way)', async () => {
    const testDatabase = await embedded.create();
    const rotating = await startOrderServiceTestApp(testDatabase.options({ seedDemoData: true }), { acceptedTokens: { 'user-service': [TOKEN, NEXT] } });
    try {
      await rotating.get('/users/user123/orders').set('Authorization', `Bearer ${TOKEN}`).expect(200);
      await rotating.get('/users/user123/orders').set('Authorization', `Bearer ${NEXT}`).expect(200);
    } finally {
      await rotating.app.close();
      await testDatabase.drop();
    }
  });

  it.each([
    ['no Authorization header', undefined],
    ['a wrong token of the same length', `Bearer ${'x'.repeat(TOKEN.length)}`],
    ['a wrong token of another length', 'Bearer short'],
    ['the token with a suffix', `Bearer ${TOKEN}x`],
    ['the token under another scheme', `Basic ${TOKEN}`],
    ['an empty bearer', 'Bearer '],
  ])('answers 401 JSON for %s', async (_case, authorization) => {
    const call = orders();
    const response = await (authorization === undefined ? call : call.set('Authorization', authorization)).expect(401);
    expect(response.body).toEqual(UNAUTHORIZED);
  });

  it('compares in constant time: timingSafeEqual on equal-length SHA-256 digests, whatever was presented', async () => {
    const compare = jest.spyOn(crypto, 'timingSafeEqual');
    await orders().set('Authorization', 'Bearer short').expect(401);
    expect(compare).toHaveBeenCalledTimes(1);
    const [presented, expected] = compare.mock.calls[0] as [Buffer, Buffer];
    expect([presented.length, expected.length]).toEqual([32, 32]);
  });

  it('keeps /health/live open for probes that carry no token', async () => {
    await request(app.getHttpServer()).get('/health/live').expect(200);
  });
});

describe('Order Service without ORDER_SERVICE_TOKENS_USER_SERVICE (development)', () => {
  it('answers calls that carry no token', async () => {
    const testDatabase = await embedded.create();
    const { app } = await startOrderServiceTestApp(testDatabase.options({ seedDemoData: true }));
    try {
      await request(app.getHttpServer()).get('/users/user123/orders').expect(200);
    } finally {
      await app.close();
      await testDatabase.drop();
    }
  });
});
