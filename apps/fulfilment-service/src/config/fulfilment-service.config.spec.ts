import { loadFulfilmentServiceConfig } from './fulfilment-service.config';

describe('loadFulfilmentServiceConfig', () => {
  it('defaults to port 5003, no credentials (open) and log level info', () => {
    expect(loadFulfilmentServiceConfig({})).toEqual({
      port: 5003,
      credentials: { provider: 'fulfilment-service', accepted: {}, open: true },
      logLevel: 'info',
      shutdownDrainMs: 0,
      inventoryClient: { baseUrl: 'http://localhost:5002', timeoutMs: 2000 },
      database: { url: undefined, pgliteDir: undefined, seedDemoData: false },
      events: { url: 'amqp://guest:guest@127.0.0.1:5672', queue: 'fulfilment.orders-placed' },
    });
  });

  it('reads DATABASE_URL, RABBITMQ_URL and ORDER_EVENTS_QUEUE', () => {
    expect(
      loadFulfilmentServiceConfig({
        DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/shop',
        RABBITMQ_URL: 'amqp://user:secret@broker.internal:5672',
        ORDER_EVENTS_QUEUE: 'test-q',
      }),
    ).toMatchObject({
      database: { url: 'postgres://postgres@127.0.0.1:5432/shop' },
      events: { url: 'amqp://user:secret@broker.internal:5672', queue: 'test-q' },
    });
  });

  it('requires RABBITMQ_URL in production: the development broker is no default there', () => {
    expect(() => loadFulfilmentServiceConfig({ NODE_ENV: 'production' })).toThrow(/RABBITMQ_URL: is required when NODE_ENV=production/);
  });

  it('reads PORT and LOG_LEVEL', () => {
    expect(loadFulfilmentServiceConfig({ PORT: '7000', LOG_LEVEL: 'warn' })).toMatchObject({ port: 7000, logLevel: 'warn' });
  });

  it.each([
    ['PORT', { PORT: '70000' }, /PORT: /],
    ['FULFILMENT_SERVICE_TOKENS_USER_SERVICE', { FULFILMENT_SERVICE_TOKENS_USER_SERVICE: 'a-token-of-at-least-16' }, /FULFILMENT_SERVICE_TOKENS_USER_SERVICE: names no consumer of the fulfilment-service \(its consumers: none yet\)/],
    ['LOG_LEVEL', { LOG_LEVEL: 'chatty' }, /LOG_LEVEL/],
    ['RABBITMQ_URL', { RABBITMQ_URL: 'http://broker' }, /RABBITMQ_URL: must be an amqp\(s\) URL/],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://db' }, /DATABASE_URL: must be a postgres/],
  ])('rejects a bad %s, naming it', (_name, env, message) => {
    expect(() => loadFulfilmentServiceConfig(env)).toThrow(message);
  });

  // No service calls it yet: in production it starts closed (every call but the probes 401) rather than open.
  it('starts closed in production, having no consumer to accept', () => {
    expect(loadFulfilmentServiceConfig({ NODE_ENV: 'production', RABBITMQ_URL: 'amqp://shop:secret@broker:5672' }).credentials).toEqual({
      provider: 'fulfilment-service',
      accepted: {},
      open: false,
    });
  });
});

describe('loadFulfilmentServiceConfig: the Inventory Service client', () => {
  it('reads INVENTORY_SERVICE_URL, INVENTORY_SERVICE_TIMEOUT_MS and INVENTORY_SERVICE_TOKEN', () => {
    expect(
      loadFulfilmentServiceConfig({
        INVENTORY_SERVICE_URL: 'http://inventory.internal:5002',
        INVENTORY_SERVICE_TIMEOUT_MS: '500',
        INVENTORY_SERVICE_TOKEN: 'a-token-of-at-least-16',
      }).inventoryClient,
    ).toEqual({ baseUrl: 'http://inventory.internal:5002', timeoutMs: 500, token: 'a-token-of-at-least-16' });
  });

  it.each([
    ['INVENTORY_SERVICE_URL', { INVENTORY_SERVICE_URL: 'ftp://inventory' }, /INVENTORY_SERVICE_URL: must be an http\(s\) URL/],
    ['INVENTORY_SERVICE_TIMEOUT_MS', { INVENTORY_SERVICE_TIMEOUT_MS: '0' }, /INVENTORY_SERVICE_TIMEOUT_MS/],
    ['INVENTORY_SERVICE_TOKEN', { INVENTORY_SERVICE_TOKEN: 'short' }, /INVENTORY_SERVICE_TOKEN: must be at least 16 characters/],
  ])('rejects a bad %s, naming it', (_name, env, message) => {
    expect(() => loadFulfilmentServiceConfig(env)).toThrow(message);
  });
});
