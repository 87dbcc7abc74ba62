import { HttpService } from '@nestjs/axios';
import { Test } from '@nestjs/testing';
import { AxiosError } from 'axios';
import { firstValueFrom } from 'rxjs';
import { answers, timesOut } from './http-answers';
import { HttpServiceDouble, provideHttpServiceDouble } from './http-service.double';
import { UnmatchedRequestError } from './unmatched-request.error';

const ORIGIN = 'http://orders.test:5001';
const ORDERS = [
  { order_id: 'user123-ord001', item: 'Item 1', quantity: 1 },
  { order_id: 'user123-ord002', item: 'Item 2', quantity: 2 },
];

describe('HttpServiceDouble', () => {
  let http: HttpServiceDouble;
  beforeEach(() => (http = new HttpServiceDouble(ORIGIN)));

  const get = (url: string, headers: Record<string, string> = {}) => firstValueFrom(http.get(url, { headers }));

  it('answers a matching GET with a real AxiosResponse', async () => {
    http.on('GET', '/users/user123/orders', answers(200, ORDERS));
    const response = await get(`${ORIGIN}/users/user123/orders`);
    expect(response).toMatchObject({ status: 200, statusText: 'OK', data: ORDERS });
    expect(response.headers['content-type']).toBe('application/json');
    http.verifyAllUsed();
  });

  it('answers a non-2xx status with a real AxiosError carrying the response', async () => {
    http.on('GET', '/users/user789/orders', answers(503, { error: 'down' }));
    const error = await get(`${ORIGIN}/users/user789/orders`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AxiosError);
    expect(error).toMatchObject({ code: 'ERR_BAD_RESPONSE', response: { status: 503, data: { error: 'down' } } });
  });

  it('records every request: method, full URL with params, lower-cased headers', async () => {
    http.on('GET', '/a', answers(200, 'ok'), { query: { page: '2' } });
    await firstValueFrom(http.get(`${ORIGIN}/a`, { params: { page: 2 }, headers: { Accept: 'application/json' } }));
    await firstValueFrom(http.request({ baseURL: `${ORIGIN}/`, url: '/b', method: 'delete' })).catch(() => undefined);
    expect(http.requests).toEqual([
      { method: 'GET', url: `${ORIGIN}/a?page=2`, headers: { accept: 'application/json' } },
      { method: 'DELETE', url: `${ORIGIN}/b`, headers: {} },
    ]);
  });

  it('records the trace context of each request: parsed, absent, or malformed as sent (and still answered)', async () => {
    http.on('GET', '/a', answers(200, 'ok'));
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    await get(`${ORIGIN}/a`, { Traceparent: traceparent });
    await get(`${ORIGIN}/a`);
    await expect(get(`${ORIGIN}/a`, { traceparent: '00-junk' })).resolves.toMatchObject({ status: 200 });
    expect(http.requests.map((request) => request.traceContext)).toEqual([
      { valid: true, traceId: '4bf92f3577b34da6a3ce929d0e0e4736', parentSpanId: '00f067aa0ba902b7', sampled: true },
      undefined,
      { valid: false, traceparent: '00-junk' },
    ]);
  });

  it('records the body of a request that has one', async () => {
    http.on('POST', '/orders', answers(201, { ok: true }));
    await firstValueFrom(http.post(`${ORIGIN}/orders`, { item: 'Laptop' }));
    expect(http.requests).toEqual([{ method: 'POST', url: `${ORIGIN}/orders`, headers: {}, body: { item: 'Laptop' } }]);
    expect(http.requests[0]).toHaveProperty('body');
  });

  it('is cold: nothing is recorded or answered until subscription', async () => {
    http.on('GET', '/a', answers(200, 'ok'));
    const response$ = http.get(`${ORIGIN}/a`);
    expect(http.requests).toEqual([]);
    await firstValueFrom(response$);
    expect(http.requests).toHaveLength(1);
  });

  it('counts requests in flight until they are answered or unsubscribed', async () => {
    http.on('GET', '/slow', timesOut()).on('GET', '/a', answers(200, 'ok'));
    const subscription = http.get(`${ORIGIN}/slow`).subscribe();
    expect(http.inFlight).toBe(1);
    subscription.unsubscribe();
    expect(http.inFlight).toBe(0);
    await get(`${ORIGIN}/a`);
    expect(http.inFlight).toBe(0);
  });

  it('compares the path as sent, percent-encoding included', async () => {
    http.on('GET', '/users/%2E%2E/orders', answers(200, []));
    await expect(get(`${ORIGIN}/users/../orders`)).rejects.toThrow(UnmatchedRequestError);
    await expect(get(`${ORIGIN}/users/%2E%2E/orders`)).resolves.toMatchObject({ status: 200 });
  });

  describe('fails a request that does not match, and verifyAllUsed() reports it', () => {
    beforeEach(() =>
      http.on('GET', '/users/user123/orders', answers(200, []), {
        query: { page: '1' },
        headers: { Accept: 'application/json' },
      }),
    );
    const ok = { url: `${ORIGIN}/users/user123/orders?page=1`, headers: { accept: 'application/json' } };

    it('matches when method, origin, path, query and headers all match (header names in any case)', async () => {
      await expect(get(ok.url, ok.headers)).resolves.toMatchObject({ status: 200 });
      expect(() => http.verifyAllUsed()).not.toThrow();
    });

    it.each([
      ['another method', () => firstValueFrom(http.post(ok.url, {}, { headers: ok.headers })), 'method: expected GET, got POST'],
      ['another origin', () => get('http://elsewhere.test/users/user123/orders?page=1', ok.headers), `origin: expected ${ORIGIN}, got http://elsewhere.test`],
      ['another path', () => get(`${ORIGIN}/users/user124/orders?page=1`, ok.headers), 'path: expected /users/user123/orders, got /users/user124/orders'],
      ['another query value', () => get(`${ORIGIN}/users/user123/orders?page=2`, ok.headers), 'query: expected ?page=1, got ?page=2'],
      ['an extra query parameter', () => get(`${ORIGIN}/users/user123/orders?page=1&x=1`, ok.headers), 'query: expected ?page=1, got ?page=1&x=1'],
      ['no query', () => get(`${ORIGIN}/users/user123/orders`, ok.headers), 'query: expected ?page=1, got (none)'],
      ['a missing header', () => get(ok.url), 'header Accept: expected application/json, got (none)'],
      ['another header value', () => get(ok.url, { Accept: 'text/html' }), 'header Accept: expected application/json, got text/html'],
    ])('%s, naming the part that differs', async (_case, send, difference) => {
      const error = await send().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnmatchedRequestError);
      expect((error as Error).message).toMatch(/no route for .*; closest routes:\n {2}GET \/users\/user123\/orders\?page=1/);
      expect((error as Error).message).toContain(
        `  GET /users/user123/orders?page=1 {"Accept":"application/json"} — 4 of 5 parts match\n    ${difference}`,
      );
      expect(() => http.verifyAllUsed()).toThrow(/unmatched request: .*\n.*unused route: GET \/users\/user123\/orders/);
      expect(() => http.verifyAllUsed()).toThrow(difference);
    });
  });

  describe('near-miss report (as WireMock shows it)', () => {
    it('shows the request, then the route and each part that differs', async () => {
      http.on('GET', '/users/user123/orders', answers(200, []), { query: { limit: '2' } });
      const error = await get(`${ORIGIN}/users/user124/orders?limit=3`).catch((e: Error) => e);
      expect((error as Error).message).toBe(
        [
          `HttpServiceDouble: no route for GET ${ORIGIN}/users/user124/orders?limit=3; closest routes:`,
          '  GET /users/user123/orders?limit=2 — 2 of 4 parts match',
          '    path: expected /users/user123/orders, got /users/user124/orders',
          '    query: expected ?limit=2, got ?limit=3',
        ].join('\n'),
      );
    });

    it('ranks the routes by how many parts match and shows the three closest', async () => {
      http
        .on('POST', '/orders', answers(201))
        .on('GET', '/users/user123/orders', answers(200, []), { headers: { Accept: 'application/json' } })
        .on('GET', '/orders/ord001', answers(200, {}))
        .on('GET', '/users/user124/orders', answers(200, []))
        .on('DELETE', '/users/user123/orders', answers(204));
      const error = (await get(`${ORIGIN}/users/user123/orders`, { Accept: 'text/html' }).catch((e: unknown) => e)) as UnmatchedRequestError;
      expect(error.nearMisses.map((miss) => [miss.route, miss.matching, miss.parts.length])).toEqual([
        ['GET /users/user123/orders {"Accept":"application/json"}', 4, 5],
        ['GET /orders/ord001', 3, 4],
        ['GET /users/user124/orders', 3, 4],
      ]);
      expect(error.message).toMatch(/; closest routes \(3 of 5\):\n {2}GET \/users\/user123\/orders \{"Accept":"application\/json"\} — 4 of 5/);
      expect(error.message).toContain('    header Accept: expected application/json, got text/html');
      expect(error.message).not.toContain('POST /orders');
    });

    it('says so when the double has no route at all', async () => {
      await expect(get(`${ORIGIN}/a`)).rejects.toThrow(`HttpServiceDouble: no route for GET ${ORIGIN}/a; routes: (none)`);
    });

    it('verifyAllUsed() shows the near misses of each unmatched request after the list of problems', async () => {
      http.on('GET', '/users/user123/orders', answers(200, []));
      await get(`${ORIGIN}/users/user124/orders`).catch(() => undefined);
      expect(() => http.verifyAllUsed()).toThrow(
        [
          'HttpServiceDouble:',
          `  unmatched request: GET ${ORIGIN}/users/user124/orders`,
          '  unused route: GET /users/user123/orders',
          `near misses of GET ${ORIGIN}/users/user124/orders; closest routes:`,
          '  GET /users/user123/orders — 3 of 4 parts match',
          '    path: expected /users/user123/orders, got /users/user124/orders',
        ].join('\n'),
      );
    });
  });

  it('matches only requests without a query when the route names none', async () => {
    http.on('GET', '/a', answers(200, 'ok'));
    await expect(get(`${ORIGIN}/a?x=1`)).rejects.toThrow(UnmatchedRequestError);
  });

  it('reset() forgets routes, requests and unmatched requests', async () => {
    http.on('GET', '/a', answers(200, 'ok'));
    await get(`${ORIGIN}/b`).catch(() => undefined);
    http.reset();
    expect(http.requests).toEqual([]);
    expect(() => http.verifyAllUsed()).not.toThrow();
    await expect(get(`${ORIGIN}/a`)).rejects.toThrow(UnmatchedRequestError);
  });

  it('verifyAllUsed() names a route that was never used', () => {
    http.on('GET', '/users/user123/orders', answers(200, []));
    expect(() => http.verifyAllUsed()).toThrow(/unused route: GET \/users\/user123\/orders/);
  });

  it('without an origin, matches any origin', async () => {
    const anywhere = new HttpServiceDouble().on('GET', '/a', answers(200, 'ok'));
    await expect(firstValueFrom(anywhere.get('http://any.test/a'))).resolves.toMatchObject({ data: 'ok' });
  });

  it('the first matching route wins', async () => {
    http.on('GET', '/a', answers(200, 'first')).on('GET', '/a', answers(200, 'second'));
    await expect(get(`${ORIGIN}/a`)).resolves.toMatchObject({ data: 'first' });
  });

  it('provideHttpServiceDouble(double) provides it as HttpService', async () => {
    const moduleRef = await Test.createTestingModule({ providers: [provideHttpServiceDouble(http)] }).compile();
    expect(moduleRef.get(HttpService)).toBe(http);
  });
});
