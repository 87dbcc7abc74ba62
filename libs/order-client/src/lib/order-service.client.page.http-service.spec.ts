import { HttpService } from '@nestjs/axios';
import { Test } from '@nestjs/testing';
import { DEMO_ORDERS } from '@boundary/order-contract';
import { firstValueFrom, of, type Observable } from 'rxjs';
import { axiosResponse } from '@boundary/testing';
import { OrderClientModule } from './order-client.module';
import { OrderServiceError } from './errors/order-service.error';
import { OrderServiceClient } from './order-service.client';

describe('OrderServiceClient.getUserOrdersPage (HttpService overridden)', () => {
  let client: OrderServiceClient;
  const get = jest.fn<Observable<unknown>, [string, unknown]>();

  beforeEach(async () => {
    get.mockReset();
    const moduleRef = await Test.createTestingModule({
      imports: [OrderClientModule.forRoot({ baseUrl: 'http://orders.test', timeoutMs: 50, retry: { maxRetries: 0 } })],
    })
      .overrideProvider(HttpService)
      .useValue({ get })
      .compile();
    client = moduleRef.get(OrderServiceClient);
  });

  it('asks for limit and cursor as query parameters and returns the next page’s cursor from the Link header', async () => {
    get.mockReturnValue(
      of(axiosResponse([DEMO_ORDERS[0]], { headers: { link: '</users/a%2Fb/orders?limit=1&cursor=b3JkMDAx>; rel="next"' } })),
    );
    const page = await firstValueFrom(client.getUserOrdersPage('a/b', { limit: 1, cursor: 'c+/=' }));
    expect(get.mock.calls[0][0]).toBe('http://orders.test/users/a%2Fb/orders?limit=1&cursor=c%2B%2F%3D');
    expect(page).toEqual({ orders: [DEMO_ORDERS[0]], nextCursor: 'b3JkMDAx' });
  });

  it('has no nextCursor on the last page (no Link header)', async () => {
    get.mockReturnValue(of(axiosResponse(DEMO_ORDERS)));
    await expect(firstValueFrom(client.getUserOrdersPage('user123'))).resolves.toStrictEqual({ orders: DEMO_ORDERS });
    expect(get.mock.calls[0][0]).toBe('http://orders.test/users/user123/orders');
  });

  it.each(['.', '..'])('refuses the id %j without sending anything (no encoding stops URL dot-segment handling)', async (id) => {
    await expect(firstValueFrom(client.getUserOrdersFirstPage(id))).rejects.toMatchObject({
      constructor: OrderServiceError,
      kind: 'rejected',
      status: 400,
      cause: 'dot-segment user id',
    });
    expect(get).not.toHaveBeenCalled();
  });

  it('getUserOrdersFirstPage is the first page’s orders', async () => {
    get.mockReturnValue(of(axiosResponse(DEMO_ORDERS, { headers: { link: '</x?cursor=a>; rel="next"' } })));
    await expect(firstValueFrom(client.getUserOrdersFirstPage('user123'))).resolves.toEqual(DEMO_ORDERS);
  });
});
