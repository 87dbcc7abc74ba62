import { HttpService } from '@nestjs/axios';
import { Test } from '@nestjs/testing';
import { DEMO_ORDERS } from '@boundary/order-contract';
import axios, { AxiosError, CanceledError } from 'axios';
import { firstValueFrom } from 'rxjs';
import { MockAgent } from 'undici';
import {
  OrderServiceBadResponseError,
  OrderServiceNotFoundError,
  OrderServiceRejectedError,
  OrderServiceTimeoutError,
  OrderServiceUnavailableError,
} from '../errors';
import { OrderClientModule } from '../order-client.module';
import { OrderServiceClient } from '../order-service.client';
import { undiciAdapter } from './undici.adapter';

const BASE_URL = 'http://orders.test:5001';
const TIMEOUT_MS = 500;
const JSON_HEADERS = { headers: { 'content-type': 'application/json' } };

// nock does not see undici's dispatcher API, so this transport is tested with undici's own MockAgent: no request
// reaches the network, an unmatched one fails, and every interceptor must be used.
describe('OrderServiceClient over the undici transport (intercepted with undici MockAgent)', () => {
  let agent: MockAgent;
  let client: OrderServiceClient;

  beforeEach(async () => {
    agent = new MockAgent();
    agent.disableNetConnect();
    const moduleRef = await Test.createTestingModule({
      // One attempt per call: these tests are about the transport's error mapping, not the retry policy.
      imports: [
        OrderClientModule.forRoot({
          baseUrl: BASE_URL,
          timeoutMs: TIMEOUT_MS,
          transport: 'undici',
          retry: { maxRetries: 0 },
        }),
      ],
    })
      .overrideProvider(HttpService)
      .useValue(new HttpService(axios.create({ adapter: undiciAdapter(agent) })))
      .compile();
    client = moduleRef.get(OrderServiceClient);
  });

  afterEach(async () => {
    agent.assertNoPendingInterceptors();
    await agent.close();
  });

  const orders = (userId: string) => firstValueFrom(client.getUserOrders(userId));
  const orderService = (path: string) =>
    agent.get(BASE_URL).intercept({ path, method: 'GET', headers: { accept: 'application/json' } });

  it('gets user123’s two orders', async () => {
    orderService('/users/user123/orders').reply(200, DEMO_ORDERS, JSON_HEADERS);
    await expect(orders('user123')).resolves.toEqual(DEMO_ORDERS);
  });

  it('gets [] for a user with no orders', async () => {
    orderService('/users/user000/orders').reply(200, [], JSON_HEADERS);
    await expect(orders('user000')).resolves.toEqual([]);
  });

  it('fails with OrderServiceNotFoundError on 404', async () => {
    orderService('/users/user456/orders').reply(404, { error: 'unknown user' }, JSON_HEADERS);
    await expect(orders('user456')).rejects.toBeInstanceOf(OrderServiceNotFoundError);
  });

  it('fails with OrderServiceUnavailableError on 500 Internal Server Error', async () => {
    orderService('/users/user789/orders').reply(500, 'Internal Server Error');
    await expect(orders('user789')).rejects.toMatchObject({ constructor: OrderServiceUnavailableError, status: 500 });
  });

  it('fails with OrderServiceRejectedError on another 4xx', async () => {
    orderService('/users/user123/orders').reply(401, 'Unauthorized');
    await expect(orders('user123')).rejects.toMatchObject({ constructor: OrderServiceRejectedError, status: 401 });
  });

  it('fails with OrderServiceUnavailableError carrying the code when the connection is refused', async () => {
    orderService('/users/user123/orders').replyWithError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    await expect(orders('user123')).rejects.toMatchObject({
      constructor: OrderServiceUnavailableError,
      cause: { code: 'ECONNREFUSED' },
    });
  });

  it('fails with OrderServiceTimeoutError when the answer is later than timeoutMs', async () => {
    orderService('/users/user123/orders').reply(200, DEMO_ORDERS, JSON_HEADERS).delay(TIMEOUT_MS * 4);
    await expect(orders('user123')).rejects.toBeInstanceOf(OrderServiceTimeoutError);
  });

  it('fails with OrderServiceBadResponseError on malformed JSON', async () => {
    orderService('/users/user123/orders').reply(200, '[{"order_id": "ord001"', JSON_HEADERS);
    await expect(orders('user123')).rejects.toMatchObject({
      constructor: OrderServiceBadResponseError,
      reason: 'body is not valid JSON',
    });
  });

  it('sends an id that needs encoding as exactly one path segment, with no query', async () => {
    orderService('/users/a%2F..%2Fadmin%3Fx%3D1%23f/orders').reply(200, [], JSON_HEADERS);
    await expect(orders('a/../admin?x=1#f')).resolves.toEqual([]);
  });
});

describe('undiciAdapter', () => {
  let agent: MockAgent;
  const http = () => axios.create({ adapter: undiciAdapter(agent) });

  beforeEach(() => {
    agent = new MockAgent();
    agent.disableNetConnect();
  });
  afterEach(() => agent.close());

  it('fails with a network AxiosError (no response) when nothing answers', async () => {
    const error = await http()
      .get(`${BASE_URL}/nowhere`)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AxiosError);
    expect((error as AxiosError).response).toBeUndefined();
  });

  it('fails with ECONNABORTED when axios’ own timeout elapses', async () => {
    agent.get(BASE_URL).intercept({ path: '/slow' }).reply(200, 'late').delay(1_000);
    await expect(http().get(`${BASE_URL}/slow`, { timeout: 50 })).rejects.toMatchObject({ code: 'ECONNABORTED' });
  });

  it('fails with CanceledError when the caller aborts', async () => {
    agent.get(BASE_URL).intercept({ path: '/slow' }).reply(200, 'late').delay(1_000);
    const controller = new AbortController();
    const call = http().get(`${BASE_URL}/slow`, { signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toBeInstanceOf(CanceledError);
  });

  it('honours both a caller’s signal and axios’ timeout when given together', async () => {
    agent.get(BASE_URL).intercept({ path: '/slow' }).reply(200, 'late').delay(1_000).times(2);
    const untouched = new AbortController();
    await expect(http().get(`${BASE_URL}/slow`, { signal: untouched.signal, timeout: 50 })).rejects.toMatchObject({
      code: 'ECONNABORTED',
    });
    const aborted = new AbortController();
    const call = http().get(`${BASE_URL}/slow`, { signal: aborted.signal, timeout: 5_000 });
    aborted.abort();
    await expect(call).rejects.toBeInstanceOf(CanceledError);
  });

  it('aborts and fails with CanceledError when the cancelToken is cancelled (as stock HttpService does)', async () => {
    agent.get(BASE_URL).intercept({ path: '/slow' }).reply(200, 'late').delay(1_000);
    const source = axios.CancelToken.source();
    const call = http().get(`${BASE_URL}/slow`, { cancelToken: source.token });
    source.cancel();
    await expect(call).rejects.toBeInstanceOf(CanceledError);
  });

  it('resolves the base URL and query parameters as axios does', async () => {
    agent.get(BASE_URL).intercept({ path: '/users/u1/orders?page=2' }).reply(200, 'ok');
    const response = await http().get('/users/u1/orders', { baseURL: BASE_URL, params: { page: 2 } });
    expect(response).toMatchObject({ status: 200, statusText: 'OK', data: 'ok' });
  });
});
