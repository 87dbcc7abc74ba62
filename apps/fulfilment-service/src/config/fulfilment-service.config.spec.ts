import { loadFulfilmentServiceConfig } from './fulfilment-service.config';

describe('loadFulfilmentServiceConfig', () => {
  it('defaults to port 5003, no service token and log level info', () => {
    expect(loadFulfilmentServiceConfig({})).toEqual({
      port: 5003,
      logLevel: 'info',
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

  it('reads PORT, FULFILMENT_SERVICE_TOKEN and LOG_LEVEL', () => {
    expect(
      loadFulfilmentServiceConfig({ PORT: '7000', FULFILMENT_SERVICE_TOKEN: 'a-token-of-at-least-16', LOG_LEVEL: 'warn' }),
    ).toMatchObject({ port: 7000, serviceToken: 'a-token-of-at-least-16', logLevel: 'warn' });
  });

  it.each([
    ['PORT', { PORT: '70000' }, /PORT: /],
    ['FULFILMENT_SERVICE_TOKEN', { FULFILMENT_SERVICE_TOKEN: 'short' }, /FULFILMENT_SERVICE_TOKEN: must be at least 16 characters/],
    ['LOG_LEVEL', { LOG_LEVEL: 'chatty' }, /LOG_LEVEL/],
    ['RABBITMQ_URL', { RABBITMQ_URL: 'http://broker' }, /RABBITMQ_URL: must be an amqp\(s\) URL/],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://db' }, /DATABASE_URL: must be a postgres/],
  ])('rejects a bad %s, naming it', (_name, env, message) => {
    expect(() => loadFulfilmentServiceConfig(env)).toThrow(message);
  });

  it('refuses to start in production without FULFILMENT_SERVICE_TOKEN', () => {
    expect(() => loadFulfilmentServiceConfig({ NODE_ENV: 'production' })).toThrow(
      'Invalid Fulfilment Service configuration: FULFILMENT_SERVICE_TOKEN: is required when NODE_ENV=production',
    );
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
