import { loadInventoryServiceConfig } from './inventory-service.config';

describe('loadInventoryServiceConfig', () => {
  it('defaults to port 5002, no service token and log level info', () => {
    expect(loadInventoryServiceConfig({})).toEqual({
      port: 5002,
      database: { url: undefined, pgliteDir: undefined, seedDemoData: false },
      logLevel: 'info',
      shutdownDrainMs: 0,
    });
  });

  it('reads PORT, INVENTORY_SERVICE_TOKEN and LOG_LEVEL', () => {
    expect(
      loadInventoryServiceConfig({ PORT: '7000', INVENTORY_SERVICE_TOKEN: 'a-token-of-at-least-16', LOG_LEVEL: 'warn' }),
    ).toMatchObject({ port: 7000, serviceToken: 'a-token-of-at-least-16', logLevel: 'warn' });
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
    ['INVENTORY_SERVICE_TOKEN', { INVENTORY_SERVICE_TOKEN: 'short' }, /INVENTORY_SERVICE_TOKEN: must be at least 16 characters/],
    ['LOG_LEVEL', { LOG_LEVEL: 'chatty' }, /LOG_LEVEL/],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://localhost/inventory' }, /DATABASE_URL: must be a postgres/],
    ['SEED_DEMO_DATA', { SEED_DEMO_DATA: 'yes' }, /SEED_DEMO_DATA: must be true or false/],
  ])('rejects a bad %s, naming it', (_name, env, message) => {
    expect(() => loadInventoryServiceConfig(env)).toThrow(message);
  });

  it('refuses to start in production without INVENTORY_SERVICE_TOKEN', () => {
    expect(() => loadInventoryServiceConfig({ NODE_ENV: 'production' })).toThrow(
      'Invalid Inventory Service configuration: INVENTORY_SERVICE_TOKEN: is required when NODE_ENV=production',
    );
  });
});
