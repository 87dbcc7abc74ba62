import { loadOrderServiceConfig } from './order-service.config';

describe('loadOrderServiceConfig', () => {
  it('defaults to port 5001, an in-memory embedded database without demo data, and no credentials (open)', () => {
    expect(loadOrderServiceConfig({})).toEqual({
      port: 5001,
      database: { url: undefined, pgliteDir: undefined, seedDemoData: false },
      credentials: { provider: 'order-service', accepted: {}, open: true },
      logLevel: 'info',
      shutdownDrainMs: 0,
      inventoryClient: { baseUrl: 'http://localhost:5002', timeoutMs: 800 },
      events: { url: 'amqp://guest:guest@127.0.0.1:5672', queue: 'fulfilment.orders-placed', outboxPollMs: 500 },
    });
  });

  it('reads the PostgreSQL URL, the PGlite folder and the seed switch', () => {
    const config = loadOrderServiceConfig({
      PORT: '7000',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/orders',
      PGLITE_DIR: '/var/lib/orders',
      SEED_DEMO_DATA: 'true',
    });
    // Everything else as by default.
    expect(config).toEqual({
      ...loadOrderServiceConfig({}),
      port: 7000,
      database: { url: 'postgres://postgres@127.0.0.1:5432/orders', pgliteDir: '/var/lib/orders', seedDemoData: true },
    });
  });

  it('takes an empty DATABASE_URL or PGLITE_DIR for unset', () => {
    expect(loadOrderServiceConfig({ DATABASE_URL: '', PGLITE_DIR: '' }).database).toEqual({
      url: undefined,
      pgliteDir: undefined,
      seedDemoData: false,
    });
  });

  it.each([
    ['DATABASE_URL', { DATABASE_URL: 'mysql://localhost/orders' }, /DATABASE_URL: must be a postgres/],
    ['SEED_DEMO_DATA', { SEED_DEMO_DATA: 'yes' }, /SEED_DEMO_DATA: must be true or false/],
    ['PORT', { PORT: '70000' }, /PORT: /],
  ])('rejects a bad %s, naming it', (_name, env, message) => {
    expect(() => loadOrderServiceConfig(env)).toThrow(message);
  });

  it('accepts no credentials by default (development: the API is open)', () => {
    expect(loadOrderServiceConfig({}).credentials).toEqual({ provider: 'order-service', accepted: {}, open: true });
  });

  it('reads ORDER_SERVICE_TOKENS_USER_SERVICE (current,next) and LOG_LEVEL', () => {
    expect(
      loadOrderServiceConfig({ ORDER_SERVICE_TOKENS_USER_SERVICE: 'a-token-of-at-least-16,the-next-token-of-16+', LOG_LEVEL: 'warn' }),
    ).toMatchObject({
      credentials: { accepted: { 'user-service': ['a-token-of-at-least-16', 'the-next-token-of-16+'] }, open: false },
      logLevel: 'warn',
    });
  });

  it('refuses to start in production without ORDER_SERVICE_TOKENS_USER_SERVICE', () => {
    expect(() => loadOrderServiceConfig({ NODE_ENV: 'production' })).toThrow(
      'Invalid Order Service configuration: ORDER_SERVICE_TOKENS_USER_SERVICE: is required when NODE_ENV=production',
    );
  });

  it('starts in production with the User Service’s accepted set', () => {
    expect(
      loadOrderServiceConfig({ NODE_ENV: 'production', ORDER_SERVICE_TOKENS_USER_SERVICE: 'x'.repeat(32), RABBITMQ_URL: 'amqp://shop:secret@broker:5672' }),
    ).toMatchObject({
      credentials: { accepted: { 'user-service': ['x'.repeat(32)] }, open: false },
    });
  });

  it.each([
    ['a short token', { ORDER_SERVICE_TOKENS_USER_SERVICE: 'short' }, /ORDER_SERVICE_TOKENS_USER_SERVICE: the token must be at least 16 characters/],
    ['an empty entry', { ORDER_SERVICE_TOKENS_USER_SERVICE: 'a-token-of-at-least-16,' }, /ORDER_SERVICE_TOKENS_USER_SERVICE: entry 2 must not be empty/],
    ['a consumer it does not have', { ORDER_SERVICE_TOKENS_FULFILMENT_SERVICE: 'a-token-of-at-least-16' }, /ORDER_SERVICE_TOKENS_FULFILMENT_SERVICE: names no consumer of the order-service \(its consumers: user-service\)/],
    ['an unknown LOG_LEVEL', { LOG_LEVEL: 'chatty' }, /LOG_LEVEL/],
  ])('fails naming the variable for %s', (_case, env, message) => {
    expect(() => loadOrderServiceConfig(env)).toThrow(message);
  });
});

describe('loadOrderServiceConfig: the Inventory Service client', () => {
  it('reads INVENTORY_SERVICE_URL, INVENTORY_SERVICE_TIMEOUT_MS and INVENTORY_SERVICE_TOKEN', () => {
    expect(
      loadOrderServiceConfig({
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
    expect(() => loadOrderServiceConfig(env)).toThrow(message);
  });
});

describe('loadOrderServiceConfig: the events (RabbitMQ)', () => {
  it('reads RABBITMQ_URL and ORDER_EVENTS_QUEUE', () => {
    expect(
      loadOrderServiceConfig({ RABBITMQ_URL: 'amqps://user:secret@broker.internal:5671/shop', ORDER_EVENTS_QUEUE: 'test-q' }).events,
    ).toEqual({ url: 'amqps://user:secret@broker.internal:5671/shop', queue: 'test-q', outboxPollMs: 500 });
  });

  it('requires RABBITMQ_URL in production: the development broker is no default there', () => {
    const production = { NODE_ENV: 'production', ORDER_SERVICE_TOKENS_USER_SERVICE: 'user-service-token-0123456789' };
    expect(() => loadOrderServiceConfig(production)).toThrow(/RABBITMQ_URL: is required when NODE_ENV=production/);
    expect(loadOrderServiceConfig({ ...production, RABBITMQ_URL: 'amqp://shop:secret@broker:5672' }).events.url).toBe('amqp://shop:secret@broker:5672');
  });

  it('reads OUTBOX_POLL_MS', () => {
    expect(loadOrderServiceConfig({ OUTBOX_POLL_MS: '3600000' }).events.outboxPollMs).toBe(3_600_000);
  });

  it.each([
    ['RABBITMQ_URL', { RABBITMQ_URL: 'http://127.0.0.1:5672' }, /RABBITMQ_URL: must be an amqp\(s\) URL/],
    ['ORDER_EVENTS_QUEUE', { ORDER_EVENTS_QUEUE: '' }, /ORDER_EVENTS_QUEUE/],
    ['OUTBOX_POLL_MS', { OUTBOX_POLL_MS: '0' }, /OUTBOX_POLL_MS/],
  ])('rejects a bad %s, naming it', (_name, env, message) => {
    expect(() => loadOrderServiceConfig(env)).toThrow(message);
  });
});
