import { connect } from 'node:net';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { recordingTracing, type RecordingTracing } from '@boundary/testing';
import { context, trace } from '@opentelemetry/api';
import { createServiceFastifyAdapter } from './service-fastify.adapter';

/** Sends raw bytes and resolves with the whole answer (the server closes the connection). */
function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(request));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('createServiceFastifyAdapter', () => {
  const adapter = createServiceFastifyAdapter();
  const fastify = adapter.getInstance();
  let port: number;

  beforeAll(async () => {
    fastify.get('/users/:userId/orders', async (request) => ({ id: (request.params as { userId: string }).userId }));
    await fastify.listen({ port: 0, host: '127.0.0.1' });
    port = (fastify.server.address() as AddressInfo).port;
  });

  afterAll(() => fastify.close());

  it('routes an id longer than the 100-character default of the router', async () => {
    const id = 'x'.repeat(1000);
    const response = await fastify.inject({ method: 'GET', url: `/users/${id}/orders` });
    expect(response.json()).toEqual({ id });
  });

  it('answers a malformed %-escape with 400 JSON', async () => {
    const response = await fastify.inject({ method: 'GET', url: '/users/%E0%A4%A/orders' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('answers headers beyond Node’s limit with 431 JSON instead of a bare status line', async () => {
    const answer = await rawRequest(port, `GET /users/${'%41'.repeat(8000)}/orders HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/);
    expect(answer).toMatch(/Content-Type: application\/json/);
    expect(JSON.parse(answer.split('\r\n\r\n')[1])).toEqual({
      error: 'Request Header Fields Too Large',
      code: 'REQUEST_HEADER_FIELDS_TOO_LARGE',
    });
  });

  describe('with the caller’s budget (x-deadline-ms), before any handler runs', () => {
    const get = (deadline: string) =>
      fastify.inject({ method: 'GET', url: '/users/u-budget/orders', headers: { 'x-deadline-ms': deadline } });

    it('serves a request whose budget is not spent', async () => {
      const response = await get('5000');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ id: 'u-budget' });
    });

    it('answers a budget spent on arrival with 503 DEADLINE_EXCEEDED, the route’s user id and the request id', async () => {
      const response = await get('10');
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({ error: expect.stringMatching(/deadline passed/), code: 'DEADLINE_EXCEEDED', user_id: 'u-budget' });
      expect(response.headers['x-request-id']).toEqual(expect.any(String));
    });

    it('answers a malformed budget with 400 INVALID_DEADLINE naming the header', async () => {
      const response = await get('soon');
      expect(response.statusCode).toBe(400);
      expect(response.json()).toEqual({
        error: expect.stringMatching(/^Invalid x-deadline-ms header: /),
        code: 'INVALID_DEADLINE',
        user_id: 'u-budget',
      });
    });
  });

  it('answers malformed HTTP with 400 JSON', async () => {
    const answer = await rawRequest(port, 'NOT HTTP AT ALL\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(JSON.parse(answer.split('\r\n\r\n')[1])).toEqual({ error: 'Bad Request', code: 'BAD_REQUEST' });
  });
});

describe('createServiceFastifyAdapter with OpenTelemetry registered and no HTTP instrumentation (tracing.js, no exporter)', () => {
  const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
  const CALLER_SPAN_ID = '00f067aa0ba902b7';
  const fastify = createServiceFastifyAdapter().getInstance();
  let tracing: RecordingTracing;
  let port: number;

  beforeAll(async () => {
    tracing = recordingTracing();
    // What the handler's calls would send on: the trace context active while it runs, after an await.
    fastify.get('/trace', async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return trace.getSpanContext(context.active()) ?? null;
    });
    await fastify.listen({ port: 0, host: '127.0.0.1' });
    port = (fastify.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await fastify.close();
    await tracing.stop();
  });

  const served = (headers: Record<string, string>) => fetch(`http://127.0.0.1:${port}/trace`, { headers }).then((response) => response.json());

  it('serves a request in its caller’s trace context, over a real socket', async () => {
    expect(await served({ traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01` })).toEqual({ traceId: TRACE_ID, spanId: CALLER_SPAN_ID, traceFlags: 1, isRemote: true });
  });

  it('serves a request that came with no trace context in none', async () => {
    expect(await served({})).toBeNull();
  });
});

describe('createServiceFastifyAdapter with a server span active (tracing.js exporting: the HTTP instrumentation’s)', () => {
  let tracing: RecordingTracing;
  beforeAll(() => (tracing = recordingTracing()));
  afterAll(() => tracing.stop());

  it('names the server span by the route the router matched, as http.route', async () => {
    const fastify = createServiceFastifyAdapter().getInstance();
    fastify.get('/users/:userId/orders', async () => []);
    await tracing.inSpan('GET', async () => expect((await fastify.inject({ method: 'GET', url: '/users/u-1/orders' })).statusCode).toBe(200));
    await fastify.close();
    expect(tracing.finishedSpans().map((span) => [span.name, span.attributes['http.route']])).toEqual([['GET /users/:userId/orders', '/users/:userId/orders']]);
  });
});

describe('createServiceFastifyAdapter on shutdown', () => {
  it('closes the keep-alive connection of a request that was in flight when the listener closed', async () => {
    const fastify = createServiceFastifyAdapter().getInstance();
    let entered!: () => void;
    const inFlight = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    fastify.get('/slow', async () => {
      entered();
      await gate;
      return { done: true };
    });
    fastify.get('/fast', async () => ({ done: true }));
    await fastify.listen({ port: 0, host: '127.0.0.1' });
    const { port } = fastify.server.address() as AddressInfo;
    const agent = new Agent({ keepAlive: true });
    try {
      // Before the shutdown the connection stays open for the next request.
      expect((await getWith(agent, port, '/fast')).connection).toBe('keep-alive');
      const slow = getWith(agent, port, '/slow');
      await inFlight;
      const closing = fastify.close();
      while (fastify.server.listening) await new Promise((resolve) => setTimeout(resolve, 5));
      release();
      expect(await slow).toEqual({ status: 200, connection: 'close' });
      await closing;
    } finally {
      agent.destroy();
    }
  });
});

/** One GET over `agent`: its status and its `Connection` header. */
function getWith(agent: Agent, port: number, path: string): Promise<{ status?: number; connection?: string }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, agent }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode, connection: response.headers.connection }));
    })
      .on('error', reject)
      .end();
  });
}
