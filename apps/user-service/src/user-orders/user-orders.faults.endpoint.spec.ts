import type { INestApplication } from '@nestjs/common';
import { DEMO_ORDERS } from '@boundary/order-contract';
import {
  answers,
  closesMidBody,
  FaultServer,
  resetsMidBody,
  streamsChunks,
  timesOut,
  trickles,
  type SocketAnswer,
} from '@boundary/testing';
import type { OrderClientOptions } from '@boundary/order-client';
import { startUserServiceTestApp, TEST_ORDER_CLIENT_POLICY, type UserServiceTestApp } from '../user-service.test-app';
import { USER_ORDERS_ANSWERS as ANSWERS } from './user-orders.scenarios';

/** The client's deadline in these tests: every answer must arrive within it plus 100 ms. */
const DEADLINE_MS = 1500;
/**
 * One attempt may take 600 ms, and one retry follows after ≤ 100 ms: even the slowest path (two timed-out
 * attempts) ends well before the deadline, which leaves room for a busy machine.
 */
const POLICY: Partial<OrderClientOptions> = {
  ...TEST_ORDER_CLIENT_POLICY,
  attemptTimeoutMs: 600,
  retry: { maxRetries: 1, initialDelayMs: 50, maxDelayMs: 100 },
};

/** A fault server, and the User Service calling it under `policy` with the tests' deadline. */
async function startAgainstFaultServer(
  policy: Partial<OrderClientOptions>,
): Promise<{ server: FaultServer } & UserServiceTestApp> {
  const server = await FaultServer.start();
  const started = await startUserServiceTestApp(undefined, DEADLINE_MS, {
    orderClient: { ...policy, baseUrl: server.url },
  });
  return { server, ...started };
}

/** Waits (bounded) until the fault server has no open connection: the client closed what it abandoned. */
async function connectionsClosed(server: FaultServer): Promise<number> {
  for (let i = 0; i < 200 && server.openConnections > 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  return server.openConnections;
}

describe('User Service against a socket-level fault server on 127.0.0.1 (real client, real sockets)', () => {
  let server: FaultServer;
  let app: INestApplication;
  let get: UserServiceTestApp['get'];

  beforeAll(async () => {
    ({ server, app, get } = await startAgainstFaultServer(POLICY));
    await get('/users/user123/orders'); // warm the first request's code paths
  });
  afterAll(async () => {
    await app?.close();
    await server?.stop();
  });

  /** Calls the User Service; `elapsed` runs from sending the request to the end of the answer. */
  async function timedGet(userId = 'user123') {
    const started = performance.now();
    const response = await get(`/users/${userId}/orders`);
    return { status: response.status, body: response.body as unknown, elapsed: performance.now() - started };
  }

  async function expectRecovery() {
    server.otherwise(answers(200, DEMO_ORDERS));
    const { status, body } = await timedGet();
    expect({ status, body }).toEqual(ANSWERS.orders);
    expect(await connectionsClosed(server)).toBe(0);
  }

  const huge = JSON.stringify(Array.from({ length: 30_000 }, (_, i) => ({ order_id: `o${i}`, item: 'x'.repeat(20), quantity: 1 })));

  it.each<[string, { status: number; code: string }, SocketAnswer[], number]>([
    ['accepts then never answers', { status: 504, code: 'ORDER_SERVICE_TIMEOUT' }, [timesOut()], 2],
    ['answers slowly, byte by byte', { status: 504, code: 'ORDER_SERVICE_TIMEOUT' }, [trickles(DEMO_ORDERS, 50)], 2],
    ['resets the connection mid-body', { status: 502, code: 'ORDER_SERVICE_UNAVAILABLE' }, [resetsMidBody(DEMO_ORDERS, 10)], 2],
    ['closes before the announced body length', { status: 502, code: 'ORDER_SERVICE_UNAVAILABLE' }, [closesMidBody(DEMO_ORDERS, 10)], 2],
    ['sends malformed JSON', { status: 502, code: 'ORDER_SERVICE_BAD_RESPONSE' }, [answers(200, '[{"order_id": "ord001",')], 1],
    ['sends an off-contract body', { status: 502, code: 'ORDER_SERVICE_BAD_RESPONSE' }, [answers(200, [{ order_id: 1 }])], 1],
    ['sends a huge body (Content-Length over 1 MiB)', { status: 502, code: 'ORDER_SERVICE_BAD_RESPONSE' }, [answers(200, huge)], 1],
    ['streams a huge chunked body (no Content-Length)', { status: 502, code: 'ORDER_SERVICE_BAD_RESPONSE' }, [streamsChunks('x'.repeat(64 * 1024), 64)], 1],
    ['answers 503 twice (more than the one retry)', { status: 502, code: 'ORDER_SERVICE_UNAVAILABLE' }, [answers(503), answers(503)], 2],
    ['answers 500', { status: 502, code: 'ORDER_SERVICE_UNAVAILABLE' }, [answers(500, 'Internal Server Error')], 1],
  ])('when the Order Service %s: answers %j within the deadline + 100 ms, then recovers', async (_case, expected, faults, attempts) => {
    server.requests.length = 0;
    server.next(...faults).otherwise(faults[faults.length - 1]);

    const { status, body, elapsed } = await timedGet();

    expect({ status, body }).toEqual({ status: expected.status, body: expect.objectContaining({ code: expected.code, user_id: 'user123' }) });
    expect(elapsed).toBeLessThan(DEADLINE_MS + 100);
    expect(server.requests).toHaveLength(attempts);
    await expectRecovery();
  });

  it('answers 200 when a 503 is followed by a good answer: the retry hides the blip', async () => {
    server.requests.length = 0;
    server.next(answers(503)).otherwise(answers(200, DEMO_ORDERS));
    const { status, body, elapsed } = await timedGet();
    expect({ status, body }).toEqual(ANSWERS.orders);
    expect(elapsed).toBeLessThan(DEADLINE_MS + 100);
    expect(server.requests).toHaveLength(2);
  });

  it('answers 502 while the Order Service is down (connection refused), and recovers when it is back on its port', async () => {
    const port = server.port;
    await server.stop();

    const { status, body, elapsed } = await timedGet();
    expect({ status, body }).toEqual(ANSWERS.refused);
    expect(elapsed).toBeLessThan(DEADLINE_MS + 100);

    server = await FaultServer.start(port);
    await expectRecovery();
  });
});

describe('User Service circuit breaker against a failing Order Service (real sockets)', () => {
  const HALF_OPEN_MS = 400;
  let server: FaultServer;
  let app: INestApplication;
  let get: UserServiceTestApp['get'];

  beforeAll(async () => {
    ({ server, app, get } = await startAgainstFaultServer({
      ...POLICY,
      retry: { maxRetries: 0 },
      circuitBreaker: { consecutiveFailures: 2, halfOpenAfterMs: HALF_OPEN_MS },
    }));
  });
  afterAll(async () => {
    await app?.close();
    await server?.stop();
  });

  const getOrders = () => get('/users/user123/orders');

  it('fails fast with 503 + Retry-After after 2 failures, then lets a probe through and recovers', async () => {
    server.otherwise(answers(503));
    await getOrders().expect(502);
    await getOrders().expect(502);
    expect(server.requests).toHaveLength(2);

    const started = performance.now();
    const open = await getOrders().expect(503);
    expect(performance.now() - started).toBeLessThan(DEADLINE_MS + 100);
    expect(open.headers['retry-after']).toBe('1');
    expect(open.body).toEqual({
      error: 'Order Service unavailable, not called while it recovers',
      code: 'ORDER_SERVICE_CIRCUIT_OPEN',
      user_id: 'user123',
    });
    expect(server.requests).toHaveLength(2);

    server.otherwise(answers(200, DEMO_ORDERS));
    // Real sockets, real clock: wait out the open period before the probe.
    await new Promise((resolve) => setTimeout(resolve, HALF_OPEN_MS + 50));
    await getOrders().expect(200);
    await getOrders().expect(200);
    expect(server.requests).toHaveLength(4);
  });
});
