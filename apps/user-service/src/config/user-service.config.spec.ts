import { loadUserServiceConfig } from './user-service.config';

describe('loadUserServiceConfig', () => {
  it('defaults to port 5000, the Order Service on localhost:5001, a 2000 ms timeout, undici with keep-alive', () => {
    expect(loadUserServiceConfig({})).toEqual({
      port: 5000,
      orderServiceUrl: 'http://localhost:5001',
      orderServiceTimeoutMs: 2000,
      orderServiceTransport: 'undici',
      orderServiceKeepAlive: true,
    });
  });

  it('reads ORDER_SERVICE_TRANSPORT and ORDER_SERVICE_KEEP_ALIVE', () => {
    expect(loadUserServiceConfig({ ORDER_SERVICE_TRANSPORT: 'fetch', ORDER_SERVICE_KEEP_ALIVE: 'false' })).toMatchObject({
      orderServiceTransport: 'fetch',
      orderServiceKeepAlive: false,
    });
  });

  it('reads PORT, ORDER_SERVICE_URL and ORDER_SERVICE_TIMEOUT_MS', () => {
    expect(
      loadUserServiceConfig({ PORT: '8080', ORDER_SERVICE_URL: 'http://orders:9000', ORDER_SERVICE_TIMEOUT_MS: '150' }),
    ).toMatchObject({ port: 8080, orderServiceUrl: 'http://orders:9000', orderServiceTimeoutMs: 150 });
  });

  it.each([
    ['a non-numeric PORT', { PORT: 'eighty' }, /PORT/],
    ['a PORT out of range', { PORT: '70000' }, /PORT/],
    ['an ORDER_SERVICE_URL that is not a URL', { ORDER_SERVICE_URL: 'localhost' }, /ORDER_SERVICE_URL: must be an http\(s\) URL/],
    ['an ORDER_SERVICE_URL that is not http', { ORDER_SERVICE_URL: 'ftp://x' }, /ORDER_SERVICE_URL/],
    ['a zero ORDER_SERVICE_TIMEOUT_MS', { ORDER_SERVICE_TIMEOUT_MS: '0' }, /ORDER_SERVICE_TIMEOUT_MS/],
    ['a non-numeric ORDER_SERVICE_TIMEOUT_MS', { ORDER_SERVICE_TIMEOUT_MS: 'soon' }, /ORDER_SERVICE_TIMEOUT_MS/],
    ['an unknown ORDER_SERVICE_TRANSPORT', { ORDER_SERVICE_TRANSPORT: 'grpc' }, /ORDER_SERVICE_TRANSPORT/],
    ['an ORDER_SERVICE_KEEP_ALIVE other than true/false', { ORDER_SERVICE_KEEP_ALIVE: 'yes' }, /ORDER_SERVICE_KEEP_ALIVE/],
  ])('fails with a message naming the variable for %s', (_case, env, message) => {
    expect(() => loadUserServiceConfig(env)).toThrow(message);
  });

  it('names every bad variable at once', () => {
    expect(() => loadUserServiceConfig({ PORT: 'x', ORDER_SERVICE_TIMEOUT_MS: '-1' })).toThrow(
      /PORT.*ORDER_SERVICE_TIMEOUT_MS/,
    );
  });
});
