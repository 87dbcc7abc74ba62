import { connect } from 'node:net';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { recordingTracing, type RecordingTracing } from '@boundary/testing';
import { DEADLINE_HEADER } from '@boundary/http-conventions';
import { context, trace } from '@opentelemetry/api';
import { createServiceFastifyAdapter } from './service-fastify.adapter';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN_ID = '00f067aa0ba902b7';

/** What a handler's calls would send on: the trace context active while it runs, after an await. */
async function activeSpanContextAfterAwait() {
  await new Promise((resolve) => setImmediate(resolve));
  return trace.getSpanContext(context.active()) ?? null;
}


/** Waits up to a second for `condition`: a span ends when its response has gone, which may be just after the client has read it. */
async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition() && waited < 1000; waited += 5) await new Promise((resolve) => setTimeout(resolve, 5));
}

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

describe('createServiceFastifyAdapter exporting (a recording tracer registered)', () => {
  const fastify = createServiceFastifyAdapter().getInstance();
  let tracing: RecordingTracing;
  let port: number;

  beforeAll(async () => {
    tracing = recordingTracing();
    fastify.get('/users/:userId/orders', async () => activeSpanContextAfterAwait());
    await fastify.listen({ port: 0, host: '127.0.0.1' });
    port = (fastify.server.address() as AddressInfo).port;
  });
  beforeEach(() => tracing.reset());
  afterAll(async () => {
    await fastify.close();
    await tracing.stop();
  });

  it('serves each request under a server span of its own, named by the route matched, child of the caller’s span, over a real socket', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/users/u-1/orders`, { headers: { traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01` } });
    const active = await response.json();
    expect(response.status).toBe(200);

    await until(() => tracing.finishedSpans().length > 0);
    const [span] = tracing.finishedSpans();
    expect(active).toEqual({ traceId: TRACE_ID, spanId: span.spanContext().spanId, traceFlags: 1 });
    expect(span.parentSpanContext?.spanId).toBe(CALLER_SPAN_ID);
    expect([span.name, span.attributes['http.route'], span.attributes['http.response.status_code']]).toEqual(['GET /users/:userId/orders', '/users/:userId/orders', 200]);
  });

  it('gives a request it refuses before any handler (a malformed deadline) a span too, with the status it answered', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/users/u-1/orders`, { headers: { [DEADLINE_HEADER]: 'soon' } });
    expect(response.status).toBe(400);
    await until(() => tracing.finishedSpans().length > 0);
    expect(tracing.finishedSpans().map((span) => [span.name, span.attributes['http.response.status_code']])).toEqual([['GET /users/:userId/orders', 400]]);
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
