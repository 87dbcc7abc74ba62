import { HttpService } from '@nestjs/axios';
import { Test } from '@nestjs/testing';
import { AxiosError } from 'axios';
import { axiosHttpError, axiosNetworkError, axiosResponse } from '@boundary/testing';
import { firstValueFrom, Observable, of, throwError } from 'rxjs';
import { OrderServiceError } from './errors/order-service.error';
import { OrderClientModule } from './order-client.module';
import type { OrderClientOptions } from './order-client.module';
import { OrderServiceClient } from './order-service.client';

async function clientWith(options: Partial<OrderClientOptions>, answer: () => Observable<unknown> = () => of(axiosResponse([]))) {
  const get = jest.fn<Observable<unknown>, [string, { headers: Record<string, string> }]>(answer);
  const moduleRef = await Test.createTestingModule({
    imports: [OrderClientModule.forRoot({ baseUrl: 'http://orders.test', timeoutMs: 500, retry: { maxRetries: 0 }, ...options })],
  })
    .overrideProvider(HttpService)
    .useValue({ get })
    .compile();
  const client = moduleRef.get(OrderServiceClient);
  return { get, orders: () => firstValueFrom(client.getUserOrdersFirstPage('user123')) };
}

describe('OrderServiceClient request options (HttpService overridden)', () => {
  it('sends the service token as Authorization: Bearer', async () => {
    const { get, orders } = await clientWith({ token: 's3cret-token-0123456789' });
    await orders();
    expect(get.mock.calls[0][1].headers).toMatchObject({ Authorization: 'Bearer s3cret-token-0123456789' });
  });

  it('sends the request id of the caller’s context as x-request-id, read when the call is made', async () => {
    let current = 'req-1';
    const { get, orders } = await clientWith({ requestId: () => current });
    const first = orders();
    current = 'req-2';
    await first;
    await orders();
    expect(get.mock.calls.map(([, config]) => config.headers['x-request-id'])).toEqual(['req-1', 'req-2']);
  });

  it('sends neither header when neither is configured', async () => {
    const { get, orders } = await clientWith({ requestId: () => undefined });
    await orders();
    // Neither token nor request id: only what every call sends (JSON, and its budget for the Order Service).
    expect(get.mock.calls[0][1].headers).toEqual({ Accept: 'application/json', 'x-deadline-ms': expect.stringMatching(/^\d+$/) });
  });

  it('limits the response body to 1 MiB by default and to maxResponseBytes when set, the request body to maxRequestBytes', async () => {
    const byDefault = await clientWith({});
    await byDefault.orders();
    expect(byDefault.get.mock.calls[0][1]).toMatchObject({ maxContentLength: 1_048_576, maxBodyLength: 1_048_576 });

    const limited = await clientWith({ maxResponseBytes: 2048, maxRequestBytes: 512 });
    await limited.orders();
    expect(limited.get.mock.calls[0][1]).toMatchObject({ maxContentLength: 2048, maxBodyLength: 512 });

    const responseOnly = await clientWith({ maxResponseBytes: 2048 });
    await responseOnly.orders();
    expect(responseOnly.get.mock.calls[0][1]).toMatchObject({ maxContentLength: 2048, maxBodyLength: 1_048_576 });
  });

  it('fails with a bad-response OrderServiceError when axios stops a body over the limit', async () => {
    const tooLarge = new AxiosError('maxContentLength size of 2048 exceeded', AxiosError.ERR_BAD_RESPONSE);
    const { orders } = await clientWith({ maxResponseBytes: 2048 }, () => throwError(() => tooLarge));
    await expect(orders()).rejects.toMatchObject({
      constructor: OrderServiceError,
      kind: 'bad-response',
      reason: 'body larger than 2048 bytes',
      cause: tooLarge,
    });
  });

  it('fails with an unavailable OrderServiceError when a 200 breaks off mid-body (reset, aborted stream)', async () => {
    const brokeOff = axiosNetworkError('ECONNRESET');
    brokeOff.response = axiosResponse('[{"order_id":');
    const { orders } = await clientWith({}, () => throwError(() => brokeOff));
    const error = await orders().catch((e: unknown) => e);
    expect(error).toMatchObject({ constructor: OrderServiceError, kind: 'unavailable' });
    expect(error).not.toHaveProperty('status');
  });

  it('keeps a real upstream status when there is one', async () => {
    const { orders } = await clientWith({}, () => throwError(() => axiosHttpError(503)));
    await expect(orders()).rejects.toMatchObject({ constructor: OrderServiceError, kind: 'unavailable', status: 503 });
  });
});
