import { CreateOrderRequestSchema, MAX_QUANTITY } from '@boundary/order-contract';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fc from 'fast-check';
import { InventoryServiceClientStub } from '@boundary/inventory-client/testing';
import { startOrderServiceTestApp } from '../order-service.test-app';
import { TEST_BACKENDS, type TestDatabase } from '../testing/test-databases';

/** Runs per property: a few hundred in `npm test`; the `fuzz` target raises it to 10,000 (jest.fuzz.setup.cjs). */
const RUNS = fc.readConfigureGlobal().numRuns ?? 200;

const POLLUTING_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** Field values of every wrong kind, including numbers at and past every limit. */
const anyValue = fc.oneof(
  fc.jsonValue(),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom(0, -1, 0.5, -0, 1e308, -1e308, 2 ** 53 + 1, MAX_QUANTITY, MAX_QUANTITY + 1, 1e21, '1', true, null),
);
const almostAnOrder = fc.record(
  {
    user_id: fc.oneof(fc.constantFrom('buyer', 'u1'), anyValue),
    item: fc.oneof(fc.constantFrom('Keyboard', 'x'.repeat(200), 'x'.repeat(201)), anyValue),
    quantity: fc.oneof(fc.integer({ min: 1, max: 10 }), anyValue),
    extra: anyValue,
  },
  { requiredKeys: [] },
);

/** Raw JSON texts (so keys like `__proto__` and numbers like `1e400` survive as sent), and a few non-JSON ones. */
const hostileBody = fc.oneof(
  almostAnOrder.map((body) => JSON.stringify(body)),
  fc.tuple(fc.constantFrom(...POLLUTING_KEYS), almostAnOrder).map(([key, body]) => {
    const rest = JSON.stringify(body).slice(1);
    return `{"${key}":{"polluted":"yes","quantity":1}${rest === '}' ? '' : ','}${rest}`;
  }),
  fc.constantFrom('1e400', '-1e400', '123456789012345678901234567890', '1.0', '2e0', '-0').map(
    (quantity) => `{"user_id":"buyer","item":"Keyboard","quantity":${quantity}}`,
  ),
  fc.integer({ min: 1, max: 20_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  fc.integer({ min: 1, max: 5_000 }).map((depth) => '{"user_id":'.repeat(depth) + '1' + '}'.repeat(depth)),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

describe('Order Service POST /orders with generated hostile bodies', () => {
  let testDatabase: TestDatabase;
  let app: NestFastifyApplication;
  beforeAll(async () => {
    testDatabase = await TEST_BACKENDS[0].create(); // embedded: input handling does not depend on the engine
    // Input handling is the subject, not stock: every valid body gets its reservation.
    ({ app } = await startOrderServiceTestApp(testDatabase.options(), { inventory: InventoryServiceClientStub.everythingInStock() }));
  });
  afterAll(async () => {
    await app?.close();
    await testDatabase?.drop();
  });

  it(`never answers 5xx, creates only contract-valid orders, and lets no key reach a prototype (${RUNS} bodies)`, async () => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(hostileBody, async (payload) => {
        const response = await app.inject({
          method: 'POST',
          url: '/orders',
          headers: { 'content-type': 'application/json' },
          payload,
        });

        expect(response.statusCode).toBeLessThan(500);
        statuses.add(response.statusCode);
        const answer = JSON.parse(response.body) as Record<string, unknown>;
        let sent: unknown;
        try {
          sent = JSON.parse(payload);
        } catch {
          sent = undefined;
        }
        const valid = sent !== undefined && !/"(__proto__|constructor|prototype)"/.test(payload) && CreateOrderRequestSchema.safeParse(sent).success;
        if (valid) {
          expect(response.statusCode).toBe(201);
          expect(answer).toEqual({ ...(sent as object), order_id: expect.any(String), status: 'placed' });
        } else {
          expect(response.statusCode).toBe(400);
          expect(answer).toEqual({ error: expect.any(String), code: expect.any(String) });
        }
        expect(Object.prototype).not.toHaveProperty('polluted');
        expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
      }),
      { numRuns: RUNS },
    );
    // Both branches ran: the generator reaches valid orders as well as rejected bodies.
    expect([...statuses].sort()).toEqual([201, 400]);
  }, 30_000 + RUNS * 25);
});
