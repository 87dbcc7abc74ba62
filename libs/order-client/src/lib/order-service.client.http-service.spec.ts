import { HttpService } from '@nestjs/axios';
import { Logger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DEMO_ORDERS } from '@boundary/order-contract';
import { answers, answersMalformedJson, connectionFails, HttpServiceDouble, timesOut } from '@boundary/testing';
import { answersOrders } from '../testing';
import { AxiosError } from 'axios';
import { firstValueFrom, throwError } from 'rxjs';
import { OrderServiceError } from './errors/order-service.error';
import { ORDER_SERVICE_CALLS } from './order-service.calls';
import { OrderClientModule } from './order-client.module';
import { OrderServiceClient } from './order-service.client';

const ORIGIN = 'http://orders.test:5001';
const TIMEOUT_MS = 20;

/** A client configured with `baseUrl`, over an `HttpService` double. */
async function clientOver(http: HttpServiceDouble, baseUrl = `${ORIGIN}/`): Promise<OrderServiceClient> {
  const moduleRef = await Test.createTestingModule({
    // These tests are about mapping one answer: retries have their own spec (order-client.policy.http-service.spec.ts).
    imports: [OrderClientModule.forRoot({ baseUrl, timeoutMs: TIMEOUT_MS, retry: { maxRetries: 0 } })],
  })
    .overrideProvider(HttpService)
    .useValue(http)
    .compile();
  return moduleRef.get(OrderServiceClient);
}

describe('OrderServiceClient (HttpService overridden)', () => {
  let http: HttpServiceDouble;
  let client: OrderServiceClient;

  beforeEach(async () => {
    http = new HttpServiceDouble(ORIGIN);
    client = await clientOver(http);
  });

  const orders = (userId: string) => firstValueFrom(client.getUserOrdersFirstPage(userId));
  /** Every route of every test must be used, and every request must match a route. */
  afterEach(() => http.verifyAllUsed());

  describe('when the Order Service answers 200 with orders', () => {
    it('sends one GET for the user with Accept: application/json and emits the orders', async () => {
      http.on('GET', '/users/user123/orders', answersOrders(DEMO_ORDERS), { headers: { Accept: 'application/json' } });

      await expect(orders('user123')).resolves.toEqual(DEMO_ORDERS);

      expect(http.requests).toEqual([
        { method: 'GET', url: `${ORIGIN}/users/user123/orders`, headers: expect.objectContaining({ accept: 'application/json' }) },
      ]);
    });

    it('sends nothing until subscribed (the Observable is cold)', async () => {
      http.on('GET', '/users/user123/orders', answersOrders(DEMO_ORDERS));

      const orders$ = client.getUserOrdersFirstPage('user123');
      expect(http.requests).toHaveLength(0);
      await firstValueFrom(orders$);
      expect(http.requests).toHaveLength(1);
    });
  });

  it('emits [] for a user with no orders', async () => {
    http.on('GET', '/users/user000/orders', answersOrders([]));
    await expect(orders('user000')).resolves.toEqual([]);
  });

  it('drops every trailing slash of the base URL', async () => {
    const slashes = new HttpServiceDouble(ORIGIN).on('GET', '/users/user000/orders', answersOrders([]));
    await firstValueFrom((await clientOver(slashes, `${ORIGIN}///`)).getUserOrdersFirstPage('user000'));
    expect(slashes.requests[0].url).toBe(`${ORIGIN}/users/user000/orders`);
  });

  it.each([
    ['a/b', 'a%2Fb'],
    ['x?y', 'x%3Fy'],
    ['frag#ment', 'frag%23ment'],
    ['../admin', '..%2Fadmin'],
    ['%', '%25'],
    ['a b', 'a%20b'],
    ['ünï', '%C3%BCn%C3%AF'],
    ['a.b..c', 'a.b..c'],
  ])('percent-encodes the id %j as one path segment', async (userId, segment) => {
    http.on('GET', `/users/${segment}/orders`, answersOrders([]));
    await orders(userId);
    expect(http.requests[0].url).toBe(`${ORIGIN}/users/${segment}/orders`);
  });

  describe('when the Order Service answers 404', () => {
    it('fails with a not-found OrderServiceError carrying the user id and the cause', async () => {
      http.on('GET', '/users/user456/orders', answers(404, { error: 'not found' }));

      const error = await orders('user456').catch((e: unknown) => e);

      expect(error).toMatchObject({ constructor: OrderServiceError, kind: 'not-found', status: 404 });
      expect(error).toMatchObject({ resource: ORDER_SERVICE_CALLS.userOrders('user456'), code: 'ORDER_SERVICE_NOT_FOUND' });
      expect((error as Error).cause).toBeInstanceOf(AxiosError);
      expect((error as Error).cause).toMatchObject({ response: { status: 404, data: { error: 'not found' } } });
    });
  });

  describe('when the Order Service answers 500 Internal Server Error', () => {
    it('fails with an unavailable OrderServiceError carrying the status', async () => {
      http.on('GET', '/users/user789/orders', answers(500, 'Internal Server Error'));
      await expect(orders('user789')).rejects.toMatchObject({
        constructor: OrderServiceError,
        kind: 'unavailable',
        resource: { params: { userId: 'user789' } },
        status: 500,
        cause: { response: { status: 500 } },
      });
    });
  });

  it.each(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH'])(
    'fails with an unavailable OrderServiceError when the connection fails with %s',
    async (code) => {
      http.on('GET', '/users/user123/orders', connectionFails(code));
      const error = await orders('user123').catch((e: unknown) => e);
      expect(error).toMatchObject({ constructor: OrderServiceError, kind: 'unavailable' });
      expect(error).toMatchObject({ resource: { params: { userId: 'user123' } }, cause: { code } });
      expect(error).not.toHaveProperty('status');
    },
  );

  it.each([400, 401, 403, 499])('fails with a rejected OrderServiceError on %i', async (status) => {
    http.on('GET', '/users/user123/orders', answers(status));
    await expect(orders('user123')).rejects.toMatchObject({
      constructor: OrderServiceError,
      kind: 'rejected',
      status,
      cause: { response: { status } },
    });
  });

  describe('when the Order Service never answers', () => {
    it('fails with a timeout OrderServiceError after timeoutMs and unsubscribes from the request', async () => {
      http.on('GET', '/users/user123/orders', timesOut());

      await expect(orders('user123')).rejects.toMatchObject({
        constructor: OrderServiceError,
        kind: 'timeout',
        resource: { params: { userId: 'user123' } },
        timeoutMs: TIMEOUT_MS,
      });
      expect(http.inFlight).toBe(0);
    });

    it.each(['ECONNABORTED', 'ETIMEDOUT'])('also maps axios’ own timeout (%s) to a timeout OrderServiceError', async (code) => {
      http.on('GET', '/users/user123/orders', connectionFails(code));
      await expect(orders('user123')).rejects.toMatchObject({
        constructor: OrderServiceError,
        kind: 'timeout',
        timeoutMs: TIMEOUT_MS,
        cause: { code },
      });
    });

    it('does not time out an answer that comes in time', async () => {
      http.on('GET', '/users/user123/orders', answersOrders(DEMO_ORDERS));
      await expect(orders('user123')).resolves.toHaveLength(2);
    });
  });

  describe('when the Order Service breaks the contract', () => {
    it('fails with a bad-response OrderServiceError for a body that is not JSON', async () => {
      http.on('GET', '/users/user123/orders', answersMalformedJson());
      await expect(orders('user123')).rejects.toMatchObject({
        constructor: OrderServiceError,
        kind: 'bad-response',
        reason: 'body is not valid JSON',
        cause: expect.any(SyntaxError),
      });
    });

    it('names the offending field of an off-contract order', async () => {
      http.on('GET', '/users/user123/orders', answers(200, [{ order_id: 'ord001', item: 'Laptop', quantity: 0 }]));
      const error = await orders('user123').catch((e: unknown) => e);
      expect(error).toMatchObject({ constructor: OrderServiceError, kind: 'bad-response' });
      expect((error as OrderServiceError).reason).toMatch(/^0\.quantity: /);
      expect((error as Error).cause).toMatchObject({ issues: [expect.objectContaining({ path: [0, 'quantity'] })] });
    });

    it('rejects a wrapped list: the wire shape is a bare array', async () => {
      http.on('GET', '/users/user123/orders', answers(200, { orders: DEMO_ORDERS }));
      await expect(orders('user123')).rejects.toMatchObject({
        constructor: OrderServiceError,
        kind: 'bad-response',
        reason: expect.stringMatching(/^body: /),
      });
    });

    it('parses a JSON body that arrived as text', async () => {
      http.on('GET', '/users/user123/orders', answers(200, JSON.stringify(DEMO_ORDERS)));
      await expect(orders('user123')).resolves.toEqual(DEMO_ORDERS);
    });
  });

  it('logs each failure once at debug level, naming the URL and the failure', async () => {
    const debug = jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
    try {
      http.on('GET', '/users/user456/orders', answers(404));
      await orders('user456').catch(() => undefined);
      expect(debug.mock.calls).toEqual([
        [`GET ${ORIGIN}/users/user456/orders failed: Order Service answered 404 for GET /users/{userId}/orders (userId "user456")`],
      ]);
    } finally {
      debug.mockRestore();
    }
  });

  it('does not read a status or code from an error that is not from axios', async () => {
    const foreign = Object.assign(new Error('not axios'), { code: 'ETIMEDOUT', response: { status: 404 } });
    const moduleRef = await Test.createTestingModule({
      imports: [OrderClientModule.forRoot({ baseUrl: ORIGIN, timeoutMs: TIMEOUT_MS, retry: { maxRetries: 0 } })],
    })
      .overrideProvider(HttpService)
      .useValue({ get: () => throwError(() => foreign) })
      .compile();
    const error = await firstValueFrom(moduleRef.get(OrderServiceClient).getUserOrdersFirstPage('user123')).catch((e: unknown) => e);
    expect(error).toMatchObject({ constructor: OrderServiceError, kind: 'unavailable', cause: foreign });
    expect(error).not.toHaveProperty('status');
  });

  it('maps a failure that is not from axios to an unavailable OrderServiceError, keeping it as the cause', async () => {
    // No route: the double fails the request with its own (non-axios) error.
    const error = await firstValueFrom(client.getUserOrdersFirstPage('user123')).catch((e: unknown) => e);
    expect(error).toMatchObject({ constructor: OrderServiceError, kind: 'unavailable', cause: { name: 'UnmatchedRequestError' } });
    expect(error).not.toHaveProperty('status');
    expect(() => http.verifyAllUsed()).toThrow(/unmatched request: GET .*\/users\/user123\/orders/);
    http = new HttpServiceDouble(); // the unmatched request was the point: keep afterEach's check quiet
  });
});
