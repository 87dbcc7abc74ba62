import { loadInventoryServiceConfig } from './inventory-service.config';

describe('loadInventoryServiceConfig', () => {
  it('defaults to port 5002, no credentials (open) and log level info', () => {
    expect(loadInventoryServiceConfig({})).toEqual({
      port: 5002,
      database: { url: undefined, pgliteDir: undefined, seedDemoData: false },
      credentials: { provider: 'inventory-service', accepted: {}, open: true },
      logLevel: 'info',
      shutdownDrainMs: 0,
      reservations: { holdMs: 900_000, reapEveryMs: 30_000 },
    });
  });

  it.each([
    ['90s', 90_000, 22_500],
    ['1500ms', 1_500, 375],
    ['2h', 7_200_000, 30_000],
  ])('reads RESERVATION_HOLD=%s as %i ms, the reaper looking every %i ms', (hold, holdMs, reapEveryMs) => {
    expect(loadInventoryServiceConfig({ RESERVATION_HOLD: hold }).reservations).toEqual({ holdMs, reapEveryMs });
  });

  it.each(['15', '15 m', '500ms', '25h', '1.5m', '-1s', 'soon'])('rejects RESERVATION_HOLD=%s, naming the units and range', (hold) => {
    expect(() => loadInventoryServiceConfig({ RESERVATION_HOLD: hold })).toThrow(
      /RESERVATION_HOLD: must be a duration from 1s to 24h, a whole number with ms, s, m or h \(e\.g\. 15m\)/,
    );
  });

  it('reads PORT, each consumer’s INVENTORY_SERVICE_TOKENS_<CONSUMER> and LOG_LEVEL', () => {
    expect(
      loadInventoryServiceConfig({
        PORT: '7000',
        INVENTORY_SERVICE_TOKENS_ORDER_SERVICE: 'a-token-of-at-least-16',
        INVENTORY_SERVICE_TOKENS_FULFILMENT_SERVICE: 'another-token-of-at-least-16',
        LOG_LEVEL: 'warn',
      }),
    ).toMatchObject({
      port: 7000,
      credentials: { accepted: { 'order-service': ['a-token-of-at-least-16'], 'fulfilment-service': ['another-token-of-at-least-16'] } },
      logLevel: 'warn',
    });
  });

  it('reads the PostgreSQL URL and the PGlite folder, an empty one being unset', () => {
    expect(
      loadInventoryServiceConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/inventory', PGLITE_DIR: '' }).database,
    ).toEqual({ url: 'postgres://postgres@127.0.0.1:5432/inventory', pgliteDir: undefined, seedDemoData: false });
  });

  it('reads SEED_DEMO_DATA', () => {
    expect(loadInventoryServiceConfig({ SEED_DEMO_DATA: 'true' }).database.seedDemoData).toBe(true);
    expect(loadInventoryServiceConfig({ SEED_DEMO_DATA: 'false' }).database.seedDemoData).toBe(false);
  });

  it.each([
    ['PORT', { PORT: '70000' }, /PORT: /],
    ['INVENTORY_SERVICE_TOKENS_ORDER_SERVICE', { INVENTORY_SERVICE_TOKENS_ORDER_SERVICE: 'short' }, /INVENTORY_SERVICE_TOKENS_ORDER_SERVICE: the token must be at least 16 characters/],
    ['INVENTORY_SERVICE_TOKENS_USER_SERVICE', { INVENTORY_SERVICE_TOKENS_USER_SERVICE: 'a-token-of-at-least-16' }, /INVENTORY_SERVICE_TOKENS_USER_SERVICE: names no consumer/],
    ['LOG_LEVEL', { LOG_LEVEL: 'chatty' }, /LOG_LEVEL/],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://localhost/inventory' }, /DATABASE_URL: must be a postgres/],
    ['SEED_DEMO_DATA', { SEED_DEMO_DATA: 'yes' }, /SEED_DEMO_DATA: must be true or false/],
  ])('rejects a bad %s, naming it', (_name, env, message) => {
    expect(() => loadInventoryServiceConfig(env)).toThrow(message);
  });

  it('refuses to start in production without an accepted set for any consumer', () => {
    expect(() => loadInventoryServiceConfig({ NODE_ENV: 'production' })).toThrow(
      'Invalid Inventory Service configuration: INVENTORY_SERVICE_TOKENS_ORDER_SERVICE or INVENTORY_SERVICE_TOKENS_FULFILMENT_SERVICE: is required when NODE_ENV=production',
    );
  });
});
