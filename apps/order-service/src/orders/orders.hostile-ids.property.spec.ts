import { hostileUserId } from '@boundary/order-client/testing';
import { isDotSegment, UserIdSchema } from '@boundary/order-contract';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fc from 'fast-check';
import { startOrderServiceTestApp, type OrderServiceTestApp } from '../order-service.test-app';
import { TEST_BACKENDS, type TestDatabase } from '../testing/test-databases';

/** Runs per property: a few hundred in `npm test`; the `fuzz` target raises it to 10,000 (jest.fuzz.setup.cjs). */
const RUNS = fc.readConfigureGlobal().numRuns ?? 200;

describe('Order Service GET /users/:userId/orders with generated hostile ids', () => {
  let testDatabase: TestDatabase;
  let app: NestFastifyApplication;
  let get: OrderServiceTestApp['get'];
  beforeAll(async () => {
    testDatabase = await TEST_BACKENDS[0].create(); // embedded: input handling does not depend on the engine
    ({ app, get } = await startOrderServiceTestApp(testDatabase.options({ seedDemoData: true })));
  });
  afterAll(async () => {
    await app?.close();
    await testDatabase?.drop();
  });

  it(`never answers 5xx, always answers JSON, and answers 404 to a valid unknown id and 400 to an invalid one (${RUNS} ids)`, async () => {
    await fc.assert(
      // In-process (Fastify inject), which parses the URL as WHATWG does: `.` and `..` (even as %2E) are collapsed
      // before the app sees them, so those two ids are sent over a socket by the tests below.
      fc.asyncProperty(hostileUserId().filter((id) => !isDotSegment(id)), async (id) => {
        const response = await app.inject({ method: 'GET', url: `/users/${encodeURIComponent(id)}/orders` });
        expect(response.statusCode).toBeLessThan(500);
        const body = JSON.parse(response.body) as unknown;
        if (response.statusCode !== 200) expect(body).toMatchObject({ error: expect.any(String), code: expect.any(String) });
        const valid = UserIdSchema.safeParse(id).success;
        expect(response.statusCode).toBe(valid ? 404 : 400);
      }),
      { numRuns: RUNS },
    );
  }, 30_000 + RUNS * 25);

  // supertest over a real socket sends the path as written.
  it.each(['.', '%2E', '..', '%2E%2E', '.%2e'])('answers 400 JSON to the dot-segment id %s sent as is over a socket', async (segment) => {
    const response = await get(`/users/${segment}/orders`).expect(400);
    expect(response.body).toMatchObject({ error: expect.any(String), code: expect.any(String) });
  });
});
