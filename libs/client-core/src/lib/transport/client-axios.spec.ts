import { HttpService } from '@nestjs/axios';
import { Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Agent } from 'node:http';
import nock from 'nock';
import { ClientAxios } from './client-axios';
import { ClientHttpService } from './client-http.service';
import { clientTransportProviders } from './client-transport.providers';

const BASE_URL = 'http://orders.test:5001';

@Module({ providers: clientTransportProviders(), exports: [HttpService] })
class TransportModule {}

describe('ClientAxios', () => {
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('gives the module’s HttpService its axios instance, as a ClientHttpService', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [TransportModule] }).compile();
    expect(moduleRef.get(HttpService)).toBeInstanceOf(ClientHttpService);
    expect(moduleRef.get(HttpService).axiosRef).toBe(moduleRef.get(ClientAxios).instance);
  });

  it('is axios’ http adapter with keep-alive agents, no redirects and no proxy lookup', () => {
    const { defaults } = new ClientAxios().instance;
    expect(defaults).toMatchObject({ adapter: 'http', maxRedirects: 0, proxy: false });
    expect(defaults.httpAgent).toMatchObject({ keepAlive: true });
    expect(defaults.httpsAgent).toMatchObject({ keepAlive: true });
  });

  it('closes its connections on shutdown', () => {
    const axios = new ClientAxios();
    const http = jest.spyOn(axios.instance.defaults.httpAgent as Agent, 'destroy');
    const https = jest.spyOn(axios.instance.defaults.httpsAgent as Agent, 'destroy');
    axios.onApplicationShutdown();
    expect(http).toHaveBeenCalledTimes(1);
    expect(https).toHaveBeenCalledTimes(1);
  });

  it('does not follow a redirect (it would resend the service token elsewhere)', async () => {
    nock(BASE_URL).get('/x').reply(302, '', { Location: 'http://elsewhere.test/x' });
    await expect(new ClientAxios().instance.get(`${BASE_URL}/x`)).rejects.toMatchObject({ response: { status: 302 } });
  });

  // The endpoint tests rely on nock seeing every request: a request with no interceptor must be refused by nock,
  // and one with an interceptor must be answered by it.
  it('is answered by a matching nock interceptor', async () => {
    nock(BASE_URL).get('/users/user123/orders').reply(200, []);
    const response = await new ClientAxios().instance.get(`${BASE_URL}/users/user123/orders`);
    expect(response.data).toEqual([]);
    expect(nock.isDone()).toBe(true);
  });

  // ProviderClient reads this error as a request it refused to send (rejected 413), never as an unreachable provider.
  it('refuses a request body over maxBodyLength before sending it: ERR_BAD_REQUEST naming the limit, no answer', async () => {
    const scope = nock(BASE_URL).post('/orders').reply(201, {});
    const refused = new ClientAxios().instance.post(`${BASE_URL}/orders`, { item: 'x'.repeat(100) }, { maxBodyLength: 50 });
    const error: unknown = await refused.catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ERR_BAD_REQUEST', message: expect.stringMatching(/maxBodyLength/) });
    expect((error as { response?: unknown }).response).toBeUndefined();
    expect(scope.isDone()).toBe(false);
  });

  it('is refused by nock when no interceptor matches and the network is closed', async () => {
    nock.disableNetConnect();
    await expect(new ClientAxios().instance.get(`${BASE_URL}/users/user123/orders`)).rejects.toMatchObject({
      code: 'ENETUNREACH',
    });
  });
});
