import { HttpService } from '@nestjs/axios';
import { Test } from '@nestjs/testing';
import { DEMO_ORDERS } from '@boundary/order-contract';
import { axiosHttpError, axiosNetworkError, axiosResponse } from '../testing';
import { defer, firstValueFrom, NEVER, Observable, of, throwError } from 'rxjs';
import {
  OrderServiceBadResponseError,
  OrderServiceNotFoundError,
  OrderServiceRejectedError,
  OrderServiceTimeoutError,
  OrderServiceUnavailableError,
} from './errors';
import { OrderClientModule } from './order-client.module';
import { OrderServiceClient } from './order-service.client';

const BASE_URL = 'http://orders.test:5001/';
const TIMEOUT_MS = 20;

describe('OrderServiceClient (HttpService overridden)', () => {
  let client: OrderServiceClient;
  let get: jest.Mock<Observable<unknown>, [string, unknown]>;

  beforeEach(async () => {
    get = jest.fn();
    const moduleRef = await Test.createTestingModule({
      // These tests are about mapping one answer: retries have their own spec (order-client.policy.spec.ts).
      imports: [OrderClientModule.forRoot({ baseUrl: BASE_URL, timeoutMs: TIMEOUT_MS, retry: { maxRetries: 0 } })],
    })
      .overrideProvider(HttpService)
      .useValue({ get })
      .compile();
    client = moduleRef.get(OrderServiceClient);
  });

  const orders = (userId: string) => firstValueFrom(client.getUserOrders(userId));

  describe('when the Order Service answers 200 with orders', () => {
    it('sends one GET for the user with Accept: application/json and emits the orders', async () => {
      get.mockReturnValue(of(axiosResponse(DEMO_ORDERS)));

      await expect(orders('user123')).resolves.toEqual(DEMO_ORDERS);

      expect(get).toHaveBeenCalledTimes(1);
      expect(get).toHaveBeenCalledWith(
        'http://orders.test:5001/users/user123/orders',
        expect.objectContaining({ headers: { Accept: 'application/json' } }),
      );
    });

    it('sends nothing until subscribed (the Observable is cold)', async () => {
      let sent = 0;
      get.mockReturnValue(defer(() => (sent++, of(axiosResponse(DEMO_ORDERS)))));

      const orders$ = client.getUserOrders('user123');
      expect(sent).toBe(0);
      await firstValueFrom(orders$);
      expect(sent).toBe(1);
    });
  });

  it('emits [] for a user with no orders', async () => {
    get.mockReturnValue(of(axiosResponse([])));
    await expect(orders('user000')).resolves.toEqual([]);
  });

  it.each([
    ['a/b', 'a%2Fb'],
    ['x?y', 'x%3Fy'],
    ['frag#ment', 'frag%23ment'],
    ['..', '%2E%2E'],
    ['.', '%2E'],
    ['%', '%25'],
    ['a b', 'a%20b'],
    ['ünï', '%C3%BCn%C3%AF'],
  ])('percent-encodes the id %j as one path segment', async (userId, segment) => {
    get.mockReturnValue(of(axiosResponse([])));
    await orders(userId);
    expect(get.mock.calls[0][0]).toBe(`http://orders.test:5001/users/${segment}/orders`);
  });

  describe('when the Order Service answers 404', () => {
    it('fails with OrderServiceNotFoundError carrying the user id and the cause', async () => {
      const cause = axiosHttpError(404, { error: 'not found' });
      get.mockReturnValue(throwError(() => cause));

      const error = await orders('user456').catch((e: unknown) => e);

      expect(error).toBeInstanceOf(OrderServiceNotFoundError);
      expect(error).toMatchObject({ userId: 'user456', code: 'ORDER_SERVICE_USER_NOT_FOUND', cause });
    });
  });

  describe('when the Order Service answers 500 Internal Server Error', () => {
    it('fails with OrderServiceUnavailableError carrying the status', async () => {
      get.mockReturnValue(throwError(() => axiosHttpError(500, 'Internal Server Error')));
      await expect(orders('user789')).rejects.toMatchObject({
        constructor: OrderServiceUnavailableError,
        userId: 'user789',
        status: 500,
      });
    });
  });

  it.each(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH'])(
    'fails with OrderServiceUnavailableError when the connection fails with %s',
    async (code) => {
      get.mockReturnValue(throwError(() => axiosNetworkError(code)));
      const error = await orders('user123').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OrderServiceUnavailableError);
      expect(error).toMatchObject({ userId: 'user123', status: undefined, cause: { code } });
    },
  );

  it.each([400, 401, 403])('fails with OrderServiceRejectedError on %i', async (status) => {
    get.mockReturnValue(throwError(() => axiosHttpError(status)));
    await expect(orders('user123')).rejects.toMatchObject({ constructor: OrderServiceRejectedError, status });
  });

  describe('when the Order Service never answers', () => {
    it('fails with OrderServiceTimeoutError after timeoutMs and unsubscribes from the request', async () => {
      let unsubscribed = false;
      get.mockReturnValue(new Observable(() => () => (unsubscribed = true)));

      await expect(orders('user123')).rejects.toMatchObject({
        constructor: OrderServiceTimeoutError,
        userId: 'user123',
        timeoutMs: TIMEOUT_MS,
      });
      expect(unsubscribed).toBe(true);
    });

    it('also maps axios’ own timeout (ECONNABORTED) to OrderServiceTimeoutError', async () => {
      get.mockReturnValue(throwError(() => axiosNetworkError('ECONNABORTED')));
      await expect(orders('user123')).rejects.toBeInstanceOf(OrderServiceTimeoutError);
    });

    it('does not time out an answer that comes in time', async () => {
      get.mockReturnValue(NEVER);
      get.mockReturnValueOnce(of(axiosResponse(DEMO_ORDERS)));
      await expect(orders('user123')).resolves.toHaveLength(2);
    });
  });

  describe('when the Order Service breaks the contract', () => {
    it('fails with OrderServiceBadResponseError for a body that is not JSON', async () => {
      get.mockReturnValue(of(axiosResponse('{"order_id": "ord001", ')));
      await expect(orders('user123')).rejects.toMatchObject({
        constructor: OrderServiceBadResponseError,
        reason: 'body is not valid JSON',
      });
    });

    it('names the offending field of an off-contract order', async () => {
      get.mockReturnValue(of(axiosResponse([{ order_id: 'ord001', item: 'Laptop', quantity: 0 }])));
      const error = await orders('user123').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OrderServiceBadResponseError);
      expect((error as OrderServiceBadResponseError).reason).toMatch(/^0\.quantity: /);
    });

    it('rejects a wrapped list: the wire shape is a bare array', async () => {
      get.mockReturnValue(of(axiosResponse({ orders: DEMO_ORDERS })));
      await expect(orders('user123')).rejects.toBeInstanceOf(OrderServiceBadResponseError);
    });

    it('parses a JSON body that arrived as text', async () => {
      get.mockReturnValue(of(axiosResponse(JSON.stringify(DEMO_ORDERS))));
      await expect(orders('user123')).resolves.toEqual(DEMO_ORDERS);
    });
  });
});
