import { HttpService } from '@nestjs/axios';
import { Test } from '@nestjs/testing';
import { axiosHttpError, axiosResponse } from '@boundary/testing';
import { firstValueFrom, type Observable, of, throwError } from 'rxjs';
import { OrderServiceError } from './errors/order-service.error';
import { ORDER_SERVICE_CALLS } from './order-service.calls';
import { OrderClientModule } from './order-client.module';
import { OrderServiceClient } from './order-service.client';

const DETAIL = { order_id: 'ord001', user_id: 'user123', item: 'Laptop', quantity: 1, status: 'placed' };
const NEW_ORDER = { user_id: 'user123', item: 'Laptop', quantity: 1 };

describe('OrderServiceClient one order and order creation (HttpService overridden)', () => {
  let client: OrderServiceClient;
  const get = jest.fn<Observable<unknown>, [string, unknown]>();
  const post = jest.fn<Observable<unknown>, [string, unknown, { headers: Record<string, string> }]>();

  beforeEach(async () => {
    get.mockReset();
    post.mockReset();
    const moduleRef = await Test.createTestingModule({
      imports: [
        OrderClientModule.forRoot({
          baseUrl: 'http://orders.test',
          timeoutMs: 1000,
          retry: { maxRetries: 1, initialDelayMs: 1, maxDelayMs: 1 },
        }),
      ],
    })
      .overrideProvider(HttpService)
      .useValue({ get, post })
      .compile();
    client = moduleRef.get(OrderServiceClient);
  });

  describe('getOrder', () => {
    it('asks for the order by its id, encoded as one segment, and emits it with its owner', async () => {
      get.mockReturnValue(of(axiosResponse(DETAIL)));
      await expect(firstValueFrom(client.getOrder('ord/1'))).resolves.toEqual(DETAIL);
      expect(get.mock.calls[0][0]).toBe('http://orders.test/orders/ord%2F1');
    });

    it('fails for a 404 with a not-found OrderServiceError whose resource names the order, not a user', async () => {
      get.mockReturnValue(throwError(() => axiosHttpError(404, { error: 'Unknown order', code: 'ORDER_NOT_FOUND' })));
      const failure = await firstValueFrom(client.getOrder('ord404')).catch((error: unknown) => error);
      expect(failure).toMatchObject({
        constructor: OrderServiceError,
        kind: 'not-found',
        code: 'ORDER_SERVICE_NOT_FOUND',
        status: 404,
        providerCode: 'ORDER_NOT_FOUND',
        message: 'Order Service answered 404 ORDER_NOT_FOUND for GET /orders/{orderId} (orderId "ord404")',
        resource: ORDER_SERVICE_CALLS.order('ord404'),
      });
      expect(failure).toMatchObject({ resource: { method: 'GET', path: '/orders/{orderId}', params: { orderId: 'ord404' } } });
      expect((failure as OrderServiceError).resource.params).not.toHaveProperty('userId');
    });

    it.each(['.', '..'])('refuses the order id %j without sending anything', async (id) => {
      await expect(firstValueFrom(client.getOrder(id))).rejects.toMatchObject({
        constructor: OrderServiceError,
        kind: 'rejected',
        status: 400,
        cause: 'dot-segment order id',
      });
      expect(get).not.toHaveBeenCalled();
    });
  });

  describe('createOrder', () => {
    it('POSTs the order with its Idempotency-Key and emits it as created on a 201', async () => {
      post.mockReturnValue(of(axiosResponse(DETAIL, { status: 201 })));
      await expect(firstValueFrom(client.createOrder(NEW_ORDER, { idempotencyKey: 'key-1' }))).resolves.toEqual({
        order: DETAIL,
        created: true,
      });
      expect(post.mock.calls[0][0]).toBe('http://orders.test/orders');
      expect(post.mock.calls[0][1]).toEqual(NEW_ORDER);
      expect(post.mock.calls[0][2].headers).toMatchObject({ 'Idempotency-Key': 'key-1', Accept: 'application/json' });
    });

    it('emits a repeat answered 200 as not created', async () => {
      post.mockReturnValue(of(axiosResponse(DETAIL, { status: 200 })));
      await expect(firstValueFrom(client.createOrder(NEW_ORDER, { idempotencyKey: 'key-1' }))).resolves.toEqual({
        order: DETAIL,
        created: false,
      });
    });

    it('retries the POST after a 503, with the same key: the key makes the repeat safe', async () => {
      post.mockReturnValueOnce(throwError(() => axiosHttpError(503))).mockReturnValueOnce(of(axiosResponse(DETAIL, { status: 201 })));
      await expect(firstValueFrom(client.createOrder(NEW_ORDER, { idempotencyKey: 'key-1' }))).resolves.toMatchObject({
        created: true,
      });
      expect(post.mock.calls.map(([, , config]) => config.headers['Idempotency-Key'])).toEqual(['key-1', 'key-1']);
    });

    it('fails with a rejected OrderServiceError carrying the provider’s code when the key was used for another body', async () => {
      post.mockReturnValue(
        throwError(() => axiosHttpError(409, { error: 'Idempotency-Key reused', code: 'IDEMPOTENCY_KEY_REUSED' })),
      );
      await expect(firstValueFrom(client.createOrder(NEW_ORDER, { idempotencyKey: 'key-1' }))).rejects.toMatchObject({
        constructor: OrderServiceError,
        kind: 'rejected',
        status: 409,
        providerCode: 'IDEMPOTENCY_KEY_REUSED',
        resource: ORDER_SERVICE_CALLS.createOrder(),
      });
    });

    it.each([
      [409, 'OUT_OF_STOCK'],
      [422, 'UNKNOWN_ITEM'],
    ])('fails with a rejected OrderServiceError %i carrying %s: the order the inventory refused', async (status, code) => {
      post.mockReturnValue(throwError(() => axiosHttpError(status, { error: 'refused', code })));
      await expect(firstValueFrom(client.createOrder(NEW_ORDER, { idempotencyKey: 'key-1' }))).rejects.toMatchObject({
        constructor: OrderServiceError,
        kind: 'rejected',
        status,
        providerCode: code,
      });
      expect(post).toHaveBeenCalledTimes(1);
    });

    it('fails with an unavailable OrderServiceError carrying the 503’s code after its retries, when the inventory is down', async () => {
      post.mockReturnValue(throwError(() => axiosHttpError(503, { error: 'Inventory unavailable', code: 'INVENTORY_UNAVAILABLE' })));
      await expect(firstValueFrom(client.createOrder(NEW_ORDER, { idempotencyKey: 'key-1' }))).rejects.toMatchObject({
        constructor: OrderServiceError,
        kind: 'unavailable',
        status: 503,
        providerCode: 'INVENTORY_UNAVAILABLE',
      });
      expect(post).toHaveBeenCalledTimes(2);
    });

    it('leaves providerCode unset when the error body has no code', async () => {
      post.mockReturnValue(throwError(() => axiosHttpError(400, 'Bad Request')));
      const failure = await firstValueFrom(client.createOrder(NEW_ORDER, { idempotencyKey: 'key-1' })).catch((e: unknown) => e);
      expect(failure).toMatchObject({ constructor: OrderServiceError, kind: 'rejected' });
      expect(failure).not.toHaveProperty('providerCode');
    });
  });
});
