import { HttpService } from '@nestjs/axios';
import { Test } from '@nestjs/testing';
import { AxiosError } from 'axios';
import { firstValueFrom } from 'rxjs';
import { answersStatus, answersOrders, timesOut } from './http-answers';
import { HttpServiceDouble, provideHttpServiceDouble, UnmatchedRequestError } from './http-service.double';
import { OffContractFixtureError, ordersFor } from './order.fixtures';

const ORIGIN = 'http://orders.test:5001';

describe('HttpServiceDouble', () => {
  let http: HttpServiceDouble;
  beforeEach(() => (http = new HttpServiceDouble(ORIGIN)));

  const get = (url: string, headers: Record<string, string> = {}) => firstValueFrom(http.get(url, { headers }));

  it('answers a matching GET with a real AxiosResponse', async () => {
    http.on('GET', '/users/user123/orders', answersOrders(ordersFor('user123', 2)));
    const response = await get(`${ORIGIN}/users/user123/orders`);
    expect(response).toMatchObject({ status: 200, statusText: 'OK', data: ordersFor('user123', 2) });
    expect(response.headers['content-type']).toBe('application/json');
    http.verifyAllUsed();
  });

  it('answers a non-2xx status with a real AxiosError carrying the response', async () => {
    http.on('GET', '/users/user789/orders', answersStatus(503, { error: 'down' }));
    const error = await get(`${ORIGIN}/users/user789/orders`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AxiosError);
    expect(error).toMatchObject({ code: 'ERR_BAD_RESPONSE', response: { status: 503, data: { error: 'down' } } });
  });

  it('records every request: method, full URL with params, lower-cased headers', async () => {
    http.on('GET', '/a', answersStatus(200, 'ok'), { query: { page: '2' } });
    await firstValueFrom(http.get(`${ORIGIN}/a`, { params: { page: 2 }, headers: { Accept: 'application/json' } }));
    await firstValueFrom(http.request({ baseURL: `${ORIGIN}/`, url: '/b', method: 'delete' })).catch(() => undefined);
    expect(http.requests).toEqual([
      { method: 'GET', url: `${ORIGIN}/a?page=2`, headers: { accept: 'application/json' } },
      { method: 'DELETE', url: `${ORIGIN}/b`, headers: {} },
    ]);
  });

  it('is cold: nothing is recorded or answered until subscription', async () => {
    http.on('GET', '/a', answersStatus(200, 'ok'));
    const response$ = http.get(`${ORIGIN}/a`);
    expect(http.requests).toEqual([]);
    await firstValueFrom(response$);
    expect(http.requests).toHaveLength(1);
  });

  it('counts requests in flight until they are answered or unsubscribed', async () => {
    http.on('GET', '/slow', timesOut()).on('GET', '/a', answersStatus(200, 'ok'));
    const subscription = http.get(`${ORIGIN}/slow`).subscribe();
    expect(http.inFlight).toBe(1);
    subscription.unsubscribe();
    expect(http.inFlight).toBe(0);
    await get(`${ORIGIN}/a`);
    expect(http.inFlight).toBe(0);
  });

  it('compares the path as sent, percent-encoding included', async () => {
    http.on('GET', '/users/%2E%2E/orders', answersStatus(200, []));
    await expect(get(`${ORIGIN}/users/../orders`)).rejects.toThrow(UnmatchedRequestError);
    await expect(get(`${ORIGIN}/users/%2E%2E/orders`)).resolves.toMatchObject({ status: 200 });
  });

  describe('fails a request that does not match, and verifyAllUsed() reports it', () => {
    beforeEach(() =>
      http.on('GET', '/users/user123/orders', answersStatus(200, []), {
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
      ['another method', () => firstValueFrom(http.post(ok.url, {}, { headers: ok.headers }))],
      ['another origin', () => get('http://elsewhere.test/users/user123/orders?page=1', ok.headers)],
      ['another path', () => get(`${ORIGIN}/users/user124/orders?page=1`, ok.headers)],
      ['another query value', () => get(`${ORIGIN}/users/user123/orders?page=2`, ok.headers)],
      ['an extra query parameter', () => get(`${ORIGIN}/users/user123/orders?page=1&x=1`, ok.headers)],
      ['no query', () => get(`${ORIGIN}/users/user123/orders`, ok.headers)],
      ['a missing header', () => get(ok.url)],
      ['another header value', () => get(ok.url, { Accept: 'text/html' })],
    ])('%s', async (_case, send) => {
      await expect(send()).rejects.toThrow(/no route for .*; routes: GET \/users\/user123\/orders\?page=1/);
      expect(() => http.verifyAllUsed()).toThrow(/unmatched request: .*\n.*unused route: GET \/users\/user123\/orders/);
    });
  });

  it('matches only requests without a query when the route names none', async () => {
    http.on('GET', '/a', answersStatus(200, 'ok'));
    await expect(get(`${ORIGIN}/a?x=1`)).rejects.toThrow(UnmatchedRequestError);
  });

  it('reset() forgets routes, requests and unmatched requests', async () => {
    http.on('GET', '/a', answersStatus(200, 'ok'));
    await get(`${ORIGIN}/b`).catch(() => undefined);
    http.reset();
    expect(http.requests).toEqual([]);
    expect(() => http.verifyAllUsed()).not.toThrow();
    await expect(get(`${ORIGIN}/a`)).rejects.toThrow(UnmatchedRequestError);
  });

  it('verifyAllUsed() names a route that was never used', () => {
    http.on('GET', '/users/user123/orders', answersStatus(200, []));
    expect(() => http.verifyAllUsed()).toThrow(/unused route: GET \/users\/user123\/orders/);
  });

  it('without an origin, matches any origin', async () => {
    const anywhere = new HttpServiceDouble().on('GET', '/a', answersStatus(200, 'ok'));
    await expect(firstValueFrom(anywhere.get('http://any.test/a'))).resolves.toMatchObject({ data: 'ok' });
  });

  it('the first matching route wins', async () => {
    http.on('GET', '/a', answersStatus(200, 'first')).on('GET', '/a', answersStatus(200, 'second'));
    await expect(get(`${ORIGIN}/a`)).resolves.toMatchObject({ data: 'first' });
  });

  it('fails at setup, naming the field, when a route answers off-contract orders', () => {
    expect(() => http.on('GET', '/a', answersOrders([{ order_id: 'x', item: 'y', quantity: 1.5 }]))).toThrow(
      OffContractFixtureError,
    );
  });

  it('provideHttpServiceDouble(double) provides it as HttpService', async () => {
    const moduleRef = await Test.createTestingModule({ providers: [provideHttpServiceDouble(http)] }).compile();
    expect(moduleRef.get(HttpService)).toBe(http);
  });
});
