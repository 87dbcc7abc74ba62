import { hostileUserId } from '@boundary/order-client/testing';
import { isDotSegment, UserIdSchema } from '@boundary/order-contract';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fc from 'fast-check';
import { get as httpGet } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startOrderServiceTestApp } from '../order-service.test-app';
import { TEST_BACKENDS, type TestDatabase } from '../testing/test-databases';

/** Runs per property: a few hundred in `npm test`; the `fuzz` target raises it to 10,000 (jest.fuzz.setup.cjs). */
const RUNS = fc.readConfigureGlobal().numRuns ?? 200;

describe('Order Service GET /users/:userId/orders with generated hostile ids', () => {
  let testDatabase: TestDatabase;
  let app: NestFastifyApplication;
  beforeAll(async () => {
    testDatabase = await TEST_BACKENDS[0].create(); // embedded: input handling does not depend on the engine
    ({ app } = await startOrderServiceTestApp(testDatabase.options({ seedDemoData: true })));
  });
  afterAll(async () => {
    await app?.close();
    await testDatabase?.drop();
  });

  it(`never answers 5xx, always answers JSON, and answers 404 to a valid unknown id and 400 to an invalid one (${RUNS} ids)`, async () => {
    await fc.assert(
      // In-process (Fastify inject), which parses the URL as WHATWG does: `.` and `..` (even as %2E) are collapsed
      // before the app sees them, so those two ids are sent over a socket by the test below.
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

  describe('over a socket', () => {
    let port: number;
    beforeAll(async () => {
      await app.listen(0, '127.0.0.1');
      ({ port } = app.getHttpServer().address() as AddressInfo);
    });

    it.each(['.', '%2E', '..', '%2E%2E', '.%2e'])('answers 400 JSON to the dot-segment id %s sent as is', async (segment) => {
      const answer = await new Promise<{ status?: number; body: string }>((resolve, reject) => {
      httpGet({ host: '127.0.0.1', port, path: `/users/${segment}/orders` }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode, body }));
      }).on('error', reject);
    });
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toMatchObject({ error: expect.any(String), code: expect.any(String) });
    });
  });
});
