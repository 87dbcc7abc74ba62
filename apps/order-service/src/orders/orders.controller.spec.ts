import type { INestApplication } from '@nestjs/common';
import type request from 'supertest';
import { startOrderServiceTestApp } from '../order-service.test-app';

describe('Order Service GET /users/:userId/orders', () => {
  let app: INestApplication;
  let get: (path: string) => request.Test;

  beforeAll(async () => {
    ({ app, get } = await startOrderServiceTestApp());
  });

  afterAll(() => app.close());

  it('answers user123’s orders as a bare JSON array in the wire shape', async () => {
    const response = await get('/users/user123/orders').expect(200).expect('Content-Type', /application\/json/);
    expect(response.body).toEqual([
      { order_id: 'ord001', item: 'Laptop', quantity: 1 },
      { order_id: 'ord002', item: 'Mouse', quantity: 2 },
    ]);
  });

  it('answers [] for a known user with no orders', async () => {
    const response = await get('/users/user000/orders').expect(200);
    expect(response.body).toEqual([]);
  });

  it('answers 404 JSON for a user it does not know', async () => {
    const response = await get('/users/user456/orders').expect(404);
    expect(response.body).toEqual({ error: 'Unknown user', code: 'USER_NOT_FOUND', user_id: 'user456' });
  });

  it('decodes a percent-encoded id as one segment', async () => {
    const response = await get('/users/a%2F..%2Fuser123/orders').expect(404);
    expect(response.body.user_id).toBe('a/../user123');
  });

  it.each([
    ['an id over 128 characters', `/users/${'x'.repeat(129)}/orders`, /at most 128/],
    ['a NUL character', '/users/a%00b/orders', /control characters/],
    ['a newline', '/users/a%0Ab/orders', /control characters/],
    ['an empty id', '/users//orders', /must not be empty/],
  ])('answers 400 JSON naming the problem for %s', async (_case, path, message) => {
    const response = await get(path).expect(400).expect('Content-Type', /application\/json/);
    expect(response.body).toMatchObject({ code: 'INVALID_USER_ID', error: expect.stringMatching(message) });
  });

  it('answers 400 JSON, not 500, for malformed percent-encoding', async () => {
    const response = await get('/users/%E0%A4%A/orders').expect(400);
    expect(response.body).toMatchObject({ error: expect.any(String), code: expect.any(String) });
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.js/);
  });

  it('answers 404 JSON for an unknown route', async () => {
    const response = await get('/nope').expect(404);
    expect(response.body).toEqual({ error: 'Cannot GET /nope', code: 'NOT_FOUND' });
  });
});

describe('Order Service GET /health/live', () => {
  it('answers 200 with status ok', async () => {
    const { app, get } = await startOrderServiceTestApp();
    try {
      const response = await get('/health/live').expect(200);
      expect(response.body).toMatchObject({ status: 'ok' });
    } finally {
      await app.close();
    }
  });
});
