import { loadOrderServiceConfig } from './order-service.config';

describe('loadOrderServiceConfig', () => {
  it('defaults to port 5001 and an in-memory embedded database without demo data', () => {
    expect(loadOrderServiceConfig({})).toEqual({
      port: 5001,
      database: { url: undefined, pgliteDir: undefined, seedDemoData: false },
    });
  });

  it('reads the PostgreSQL URL, the PGlite folder and the seed switch', () => {
    const config = loadOrderServiceConfig({
      PORT: '7000',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/orders',
      PGLITE_DIR: '/var/lib/orders',
      SEED_DEMO_DATA: 'true',
    });
    expect(config).toEqual({
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
});
