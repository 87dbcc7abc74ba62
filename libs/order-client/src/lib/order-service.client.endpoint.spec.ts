import { Test } from '@nestjs/testing';
import { DEMO_ORDERS } from '@boundary/order-contract';
import { answers, answersMalformedJson, HttpInterception, refuses, replyWith, resets, timesOut } from '@boundary/testing';
import { answersOrders, truncatesOrders } from '../testing';
import nock from 'nock';
import { firstValueFrom } from 'rxjs';
import { OrderServiceError } from './errors/order-service.error';
import { OrderClientModule } from './order-client.module';
import { OrderServiceClient } from './order-service.client';

const BASE_URL = 'http://orders.test:5001';
// Real sockets: the first request of a cold worker on a busy machine can take 100+ ms.
const TIMEOUT_MS = 500;

describe('OrderServiceClient over real HTTP (intercepted with nock)', () => {
  const interception = new HttpInterception();
  let client: OrderServiceClient;

  beforeEach(async () => {
    interception.start();
    const moduleRef = await Test.createTestingModule({
      // One interceptor per test: retries would send a second, unmatched request (see order-client.policy.http-service.spec.ts).
      imports: [OrderClientModule.forRoot({ baseUrl: BASE_URL, timeoutMs: TIMEOUT_MS, retry: { maxRetries: 0 } })],
    }).compile();
    client = moduleRef.get(OrderServiceClient);
  });

  afterEach(() => interception.verify());

  const orders = (userId: string) => firstValueFrom(client.getUserOrdersFirstPage(userId));
  const orderService = (userId: string) =>
    nock(BASE_URL, { reqheaders: { accept: 'application/json' } }).get(`/users/${userId}/orders`);

  it('gets user123’s two orders', async () => {
    replyWith(orderService('user123'), answersOrders(DEMO_ORDERS));
    await expect(orders('user123')).resolves.toEqual(DEMO_ORDERS);
  });

  it('gets [] for a user with no orders', async () => {
    replyWith(orderService('user000'), answersOrders([]));
    await expect(orders('user000')).resolves.toEqual([]);
  });

  it('fails with a not-found OrderServiceError on 404', async () => {
    replyWith(orderService('user456'), answers(404, { error: 'unknown user' }));
    await expect(orders('user456')).rejects.toMatchObject({ constructor: OrderServiceError, kind: 'not-found' });
  });

  it('fails with an unavailable OrderServiceError on 500 Internal Server Error', async () => {
    replyWith(orderService('user789'), answers(500, 'Internal Server Error'));
    await expect(orders('user789')).rejects.toMatchObject({ constructor: OrderServiceError, kind: 'unavailable', status: 500 });
  });

  it.each([
    ['refused', refuses(), 'ECONNREFUSED'],
    ['reset', resets(), 'ECONNRESET'],
  ])('fails with an unavailable OrderServiceError when the connection is %s', async (_case, answer, code) => {
    replyWith(orderService('user123'), answer);
    await expect(orders('user123')).rejects.toMatchObject({ constructor: OrderServiceError, kind: 'unavailable', cause: { code } });
  });

  it('fails with a timeout OrderServiceError when no answer comes within timeoutMs', async () => {
    replyWith(orderService('user123'), timesOut());
    await expect(orders('user123')).rejects.toMatchObject({ constructor: OrderServiceError, kind: 'timeout' });
  });

  it.each([
    ['malformed JSON', answersMalformedJson()],
    ['a body cut off mid-way', truncatesOrders()],
  ])('fails with a bad-response OrderServiceError on %s', async (_case, answer) => {
    replyWith(orderService('user123'), answer);
    await expect(orders('user123')).rejects.toMatchObject({
      constructor: OrderServiceError,
      kind: 'bad-response',
      reason: 'body is not valid JSON',
    });
  });

  it('fails with a bad-response OrderServiceError naming the field of an off-contract body', async () => {
    replyWith(orderService('user123'), answers(200, [{ order_id: 'ord001', item: 'Laptop', qty: 1 }]));
    await expect(orders('user123')).rejects.toMatchObject({ reason: expect.stringMatching(/^0\.quantity: /) });
  });

  it('sends an id that needs encoding as exactly one path segment, with no query', async () => {
    replyWith(orderService('a%2F..%2Fadmin%3Fx%3D1%23f').query({}), answersOrders([]));
    await expect(orders('a/../admin?x=1#f')).resolves.toEqual([]);
  });
});
