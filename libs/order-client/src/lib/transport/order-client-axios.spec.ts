import { HttpService } from '@nestjs/axios';
import { Test } from '@nestjs/testing';
import nock from 'nock';
import { HttpInterception } from '@boundary/testing';
import { OrderClientModule } from '../order-client.module';
import { ORDER_CLIENT_TRANSPORTS } from './order-client-transport.options';
import { OrderClientAxios } from './order-client-axios';
import { OrderClientHttpService } from './order-client-http.service';

const BASE_URL = 'http://orders.test:5001';

describe('OrderClientAxios', () => {
  it('gives the module’s HttpService the axios instance of the configured transport', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [OrderClientModule.forRoot({ baseUrl: BASE_URL, timeoutMs: 500, transport: 'undici' })],
    }).compile();
    const { instance } = moduleRef.get(OrderClientAxios);
    expect(moduleRef.get(HttpService)).toBeInstanceOf(OrderClientHttpService);
    expect(moduleRef.get(HttpService).axiosRef).toBe(instance);
    expect(instance.defaults.adapter).toEqual(expect.any(Function));
  });

  it('defaults to axios’ http adapter', () => {
    expect(new OrderClientAxios({}).instance.defaults.adapter).toBe('http');
  });

  it('fails at start-up naming an unknown transport', () => {
    expect(() => new OrderClientAxios({ transport: 'grpc' as never })).toThrow(/Unknown order client transport "grpc"/);
  });

  it.each(ORDER_CLIENT_TRANSPORTS)('closes its connections on shutdown (%s)', async (transport) => {
    const axios = new OrderClientAxios({ transport });
    await expect(axios.onApplicationShutdown()).resolves.toBeUndefined();
  });

  it('refuses requests through the undici transport once shut down', async () => {
    const axios = new OrderClientAxios({ transport: 'undici' });
    await axios.onApplicationShutdown();
    await expect(axios.instance.get(`${BASE_URL}/users/user123/orders`)).rejects.toMatchObject({
      code: 'UND_ERR_DESTROYED',
    });
  });

  // The endpoint tests rely on nock seeing every request: for the transports nock can intercept, a request with
  // no interceptor must be reported, and one with an interceptor must be answered by it.
  describe.each(['fetch', 'http'] as const)('the %s transport under nock', (transport) => {
    const interception = new HttpInterception();
    beforeEach(() => interception.start());
    afterEach(() => nock.cleanAll());

    it('is answered by a matching interceptor', async () => {
      nock(BASE_URL).get('/users/user123/orders').reply(200, []);
      const response = await new OrderClientAxios({ transport }).instance.get(`${BASE_URL}/users/user123/orders`);
      expect(response.data).toEqual([]);
      expect(() => interception.verify()).not.toThrow();
    });

    it('is reported as an unmatched request when no interceptor matches', async () => {
      await new OrderClientAxios({ transport }).instance.get(`${BASE_URL}/users/user123/orders`).catch(() => undefined);
      expect(() => interception.verify()).toThrow(/unmatched request: GET http:\/\/orders\.test:5001\/users\/user123\/orders/);
    });
  });
});
