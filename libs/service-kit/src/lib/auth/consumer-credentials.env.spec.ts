import { z } from 'zod';
import { parseEnv } from '../parse-env';
import { consumerCredentialsEnv } from './consumer-credentials.env';
import { openCredentialsWarning } from './consumer-credentials';

const CURRENT = 'current-token-of-the-order-service';
const NEXT = 'next-token-of-the-order-service-0';
const FULFILMENT = 'token-of-the-fulfilment-service-0';

/** A provider's configuration as an app writes it: the kit's shape, catchall and check. */
function load(env: Record<string, string>, consumers = ['order-service', 'fulfilment-service']) {
  const credentials = consumerCredentialsEnv('inventory-service', consumers);
  const schema = z
    .object({ NODE_ENV: z.string().optional(), ...credentials.shape })
    .catchall(z.unknown())
    .superRefine(credentials.check);
  return credentials.read(parseEnv(schema, env, 'Inventory Service'));
}

describe('consumerCredentialsEnv — one accepted set per consumer, read from <PROVIDER>_SERVICE_TOKENS_<CONSUMER>', () => {
  it('reads each consumer’s current and next token', () => {
    expect(
      load({ INVENTORY_SERVICE_TOKENS_ORDER_SERVICE: `${CURRENT},${NEXT}`, INVENTORY_SERVICE_TOKENS_FULFILMENT_SERVICE: FULFILMENT }),
    ).toEqual({
      provider: 'inventory-service',
      accepted: { 'order-service': [CURRENT, NEXT], 'fulfilment-service': [FULFILMENT] },
      open: false,
    });
  });

  it('trims the entries of a set (current, next)', () => {
    expect(load({ INVENTORY_SERVICE_TOKENS_ORDER_SERVICE: ` ${CURRENT} , ${NEXT} ` }).accepted).toEqual({ 'order-service': [CURRENT, NEXT] });
  });

  it('is open without any set outside production, and says so in one warning naming the variables', () => {
    const credentials = load({});
    expect(credentials).toEqual({ provider: 'inventory-service', accepted: {}, open: true });
    expect(openCredentialsWarning(credentials)).toBe(
      'No INVENTORY_SERVICE_TOKENS_<CONSUMER> set: accepting every call, its caller unknown (development only)',
    );
    expect(openCredentialsWarning(load({ INVENTORY_SERVICE_TOKENS_ORDER_SERVICE: CURRENT }))).toBeUndefined();
  });

  it('refuses to start in production without an accepted set for any consumer, naming the variables', () => {
    expect(() => load({ NODE_ENV: 'production' })).toThrow(
      'Invalid Inventory Service configuration: INVENTORY_SERVICE_TOKENS_ORDER_SERVICE or INVENTORY_SERVICE_TOKENS_FULFILMENT_SERVICE: is required when NODE_ENV=production',
    );
  });

  it('starts closed in production when the provider declares no consumer yet: nobody may call it', () => {
    expect(load({ NODE_ENV: 'production' }, [])).toEqual({ provider: 'inventory-service', accepted: {}, open: false });
  });

  it.each([
    ['an empty set', { INVENTORY_SERVICE_TOKENS_ORDER_SERVICE: '' }, 'INVENTORY_SERVICE_TOKENS_ORDER_SERVICE: the set must not be empty (write current or current,next)'],
    ['an empty entry', { INVENTORY_SERVICE_TOKENS_ORDER_SERVICE: `${CURRENT},` }, 'INVENTORY_SERVICE_TOKENS_ORDER_SERVICE: entry 2 must not be empty (write current or current,next)'],
    ['a short token', { INVENTORY_SERVICE_TOKENS_ORDER_SERVICE: 'short-secret' }, 'INVENTORY_SERVICE_TOKENS_ORDER_SERVICE: the token must be at least 16 characters'],
    ['a short next token', { INVENTORY_SERVICE_TOKENS_ORDER_SERVICE: `${CURRENT},short-secret` }, 'INVENTORY_SERVICE_TOKENS_ORDER_SERVICE: entry 2 must be at least 16 characters'],
    ['an unknown consumer', { INVENTORY_SERVICE_TOKENS_USER_SERVICE: CURRENT }, 'INVENTORY_SERVICE_TOKENS_USER_SERVICE: names no consumer of the inventory-service (its consumers: order-service, fulfilment-service)'],
    [
      'one token for two consumers',
      { INVENTORY_SERVICE_TOKENS_ORDER_SERVICE: CURRENT, INVENTORY_SERVICE_TOKENS_FULFILMENT_SERVICE: CURRENT },
      'INVENTORY_SERVICE_TOKENS_FULFILMENT_SERVICE: holds a token also accepted from the order-service: each consumer needs its own',
    ],
  ])('fails at start on %s with one line naming the variable, never the token', (_case, env, message) => {
    let thrown: Error | undefined;
    try {
      load(env);
    } catch (error) {
      thrown = error as Error;
    }
    expect(thrown?.message).toBe(`Invalid Inventory Service configuration: ${message}`);
    expect(thrown?.message).not.toMatch(/\n/);
    for (const value of Object.values(env).flatMap((v) => v.split(',')).filter((v) => v !== '')) expect(thrown?.message).not.toContain(value);
  });
});
