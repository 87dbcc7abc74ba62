import fc from 'fast-check';
import { InventoryRepository } from '../inventory/inventory.repository';
import { startInventoryServiceTestApp, type InventoryServiceTestApp } from '../inventory-service.test-app';
import { CreateReservationRequestSchema } from '@boundary/inventory-contract';

const RUNS = fc.readConfigureGlobal().numRuns ?? 200;

/** Field values of every wrong kind, including numbers at and past every limit. */
const anyValue = fc.oneof(
  fc.jsonValue(),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.constantFrom(0, -1, 0.5, -0, 1e308, 2 ** 31 - 1, 2 ** 31, 1e21, '1', true, null),
);
const almostAReservation = fc.record(
  {
    item: fc.oneof(fc.constantFrom('Stocked', 'Sold out', 'Unstocked', 'x'.repeat(200), 'x'.repeat(201)), anyValue),
    quantity: fc.oneof(fc.integer({ min: 1, max: 3 }), anyValue),
    extra: anyValue,
  },
  { requiredKeys: [] },
);
const aReservation = fc.record({
  item: fc.constantFrom('Stocked', 'Sold out', 'Unstocked'),
  quantity: fc.integer({ min: 1, max: 3 }),
});
const hostileBody = fc.oneof(
  aReservation.map((body) => JSON.stringify(body)),
  almostAReservation.map((body) => JSON.stringify(body)),
  fc.constantFrom('1e400', '-1e400', '1.0', '2e0', '-0').map((quantity) => `{"item":"Stocked","quantity":${quantity}}`),
  fc.integer({ min: 1, max: 20_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

describe('Inventory Service POST /reservations with generated hostile bodies', () => {
  let service: InventoryServiceTestApp;
  let inventory: InventoryRepository;

  beforeAll(async () => {
    service = await startInventoryServiceTestApp(); // embedded: input handling does not depend on the engine
    inventory = service.app.get(InventoryRepository);
    await inventory.setStock('Stocked', 1_000_000);
    await inventory.setStock('Sold out', 0);
  });

  afterAll(async () => {
    await service?.app.close();
  });

  it(`never answers 5xx, and reserves only for a valid body of a stocked item (${RUNS} bodies)`, async () => {
    const statuses = new Set<number>();
    let reserved = 0;
    await fc.assert(
      fc.asyncProperty(hostileBody, async (payload) => {
        const response = await service
          .http()
          .post('/reservations')
          .set('Content-Type', 'application/json')
          .send(payload);
        expect(response.status).toBeLessThan(500);
        statuses.add(response.status);
        let sent: unknown;
        try {
          sent = JSON.parse(payload);
        } catch {
          sent = undefined;
        }
        const valid = sent !== undefined && CreateReservationRequestSchema.safeParse(sent).success;
        if (!valid) {
          expect(response.status).toBe(400);
          expect(response.body).toEqual({ error: expect.any(String), code: expect.any(String) });
          return;
        }
        const { item, quantity } = sent as { item: string; quantity: number };
        if (response.status === 201) reserved += quantity;
        const expected = item === 'Stocked' ? 201 : item === 'Sold out' ? 409 : 422;
        expect(response.status).toBe(expected);
      }),
      { numRuns: RUNS },
    );
    // Every branch ran, and the stock went down by exactly what was reserved.
    expect([...statuses].sort()).toEqual([201, 400, 409, 422]);
    expect((await inventory.find('Stocked'))?.in_stock).toBe(1_000_000 - reserved);
  }, 30_000 + RUNS * 25);
});
