import { HttpService } from '@nestjs/axios';
import { DEMO_ORDERS } from '@boundary/order-contract';
import { hostileUserId } from '@boundary/order-client/testing';
import { axiosResponse } from '@boundary/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fc from 'fast-check';
import { connect } from 'node:net';
import { of, type Observable } from 'rxjs';
import { startUserServiceTestApp, TEST_ORDER_SERVICE_URL } from '../user-service.test-app';

const PRINTABLE_ASCII = Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i));

/** Runs per property: a few hundred in `npm test`; the `fuzz` target raises it to 10,000 (jest.fuzz.setup.cjs). */
const RUNS = fc.readConfigureGlobal().numRuns ?? 200;
/** Real sockets on a shared 2-core machine: allow ~25 ms a run. */
const TIMEOUT_MS = 30_000 + RUNS * 25;

describe('User Service GET /users/:userId/orders with generated hostile ids — HttpService overridden', () => {
  let app: NestFastifyApplication;
  const httpGet = jest.fn<Observable<unknown>, [string]>(() => of(axiosResponse(DEMO_ORDERS)));

  let port: number;

  beforeAll(async () => {
    ({ app } = await startUserServiceTestApp((builder) => builder.overrideProvider(HttpService).useValue({ get: httpGet })));
    await app.listen(0, '127.0.0.1');
    port = (app.getHttpServer().address() as { port: number }).port;
  });
  afterAll(() => app.close());

  /**
   * Sends `GET rawPath` byte for byte on a plain socket, one connection per request. Not fetch or inject: both
   * parse the path as a WHATWG URL first, which collapses `%2E%2E` before any server sees it; and not node:http,
   * which interceptors left behind by other test files in this worker may still hook.
   */
  const ask = (rawPath: string) =>
    new Promise<{ statusCode: number; body: string }>((resolve, reject) => {
      let raw = '';
      const socket = connect(port, '127.0.0.1', () =>
        socket.write(`GET ${rawPath} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`),
      );
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (raw += chunk));
      socket.on('error', reject);
      socket.on('close', () => {
        const [head, ...body] = raw.split('\r\n\r\n');
        resolve({ statusCode: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), body: body.join('\r\n\r\n') });
      });
    });

  it(`never answers 5xx, and sends a valid id upstream as exactly one encoded path segment (${RUNS} ids)`, async () => {
    await fc.assert(
      fc.asyncProperty(hostileUserId(), async (id) => {
        httpGet.mockClear();
        // Dots encoded too, as a careful caller would: a bare `.`/`..` segment is collapsed before any server sees it.
        const response = await ask(`/users/${encodeURIComponent(id).replace(/\./g, '%2E')}/orders`);

        expect(response.statusCode).toBeLessThan(500);
        if (response.statusCode === 431) {
          // The request line is over Node's 16 kB header limit (a 10 kB id, %-encoded): refused before routing.
          expect(encodeURIComponent(id).length).toBeGreaterThan(8 * 1024);
          expect(httpGet).not.toHaveBeenCalled();
          return;
        }
        if (response.statusCode === 400) {
          expect(JSON.parse(response.body)).toMatchObject({ code: expect.stringMatching(/^(INVALID_USER_ID|BAD_REQUEST)$/) });
          expect(httpGet).not.toHaveBeenCalled();
          return;
        }
        expect(response.statusCode).toBe(200);
        expect(JSON.parse(response.body)).toEqual({ user_id: id, orders: DEMO_ORDERS });
        expect(httpGet).toHaveBeenCalledTimes(1);
        const url = httpGet.mock.calls[0][0];
        expect(url.startsWith(`${TEST_ORDER_SERVICE_URL}/users/`)).toBe(true);
        expect(url.endsWith('/orders')).toBe(true);
        const segment = url.slice(`${TEST_ORDER_SERVICE_URL}/users/`.length, -'/orders'.length);
        expect(segment).toMatch(/^[A-Za-z0-9\-_.!~*'()%]+$/); // nothing that could end the segment, path or URL
        expect(segment).not.toMatch(/^\.{1,2}$/); // no dot-segment a normaliser would collapse
        expect(decodeURIComponent(segment)).toBe(id);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);

  it(`never answers 5xx to raw, unencoded hostile paths (${RUNS} paths)`, async () => {
    await fc.assert(
      // Printable ASCII only: Node's client refuses to send anything else unencoded in a request line.
      fc.asyncProperty(fc.string({ unit: fc.constantFrom(...PRINTABLE_ASCII), maxLength: 300 }), async (raw) => {
        const response = await ask(`/users/${raw}/orders`);
        expect(response.statusCode).toBeLessThan(500);
        expect(() => JSON.parse(response.body)).not.toThrow();
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT_MS);
});
