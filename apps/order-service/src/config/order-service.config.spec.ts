import { loadOrderServiceConfig } from './order-service.config';

describe('loadOrderServiceConfig', () => {
  it('defaults to port 5001, no service token (development) and info logs', () => {
    expect(loadOrderServiceConfig({})).toEqual({ port: 5001, logLevel: 'info' });
  });

  it('reads PORT, ORDER_SERVICE_TOKEN and LOG_LEVEL', () => {
    expect(
      loadOrderServiceConfig({ PORT: '9001', ORDER_SERVICE_TOKEN: 'a-token-of-at-least-16', LOG_LEVEL: 'warn' }),
    ).toEqual({ port: 9001, serviceToken: 'a-token-of-at-least-16', logLevel: 'warn' });
  });

  it('refuses to start in production without ORDER_SERVICE_TOKEN', () => {
    expect(() => loadOrderServiceConfig({ NODE_ENV: 'production' })).toThrow(
      'Invalid Order Service configuration: ORDER_SERVICE_TOKEN: is required when NODE_ENV=production',
    );
  });

  it('starts in production with a token', () => {
    expect(loadOrderServiceConfig({ NODE_ENV: 'production', ORDER_SERVICE_TOKEN: 'x'.repeat(32) })).toMatchObject({
      serviceToken: 'x'.repeat(32),
    });
  });

  it.each([
    ['a short token', { ORDER_SERVICE_TOKEN: 'short' }, /ORDER_SERVICE_TOKEN: must be at least 16 characters/],
    ['a bad PORT', { PORT: 'x' }, /PORT/],
    ['an unknown LOG_LEVEL', { LOG_LEVEL: 'chatty' }, /LOG_LEVEL/],
  ])('fails naming the variable for %s', (_case, env, message) => {
    expect(() => loadOrderServiceConfig(env)).toThrow(message);
  });
});
