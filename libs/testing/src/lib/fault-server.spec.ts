import axios, { AxiosError } from 'axios';
import { createConnection } from 'node:net';
import { FaultServer } from './fault-server';
import { answers, delays, resets, timesOut } from './http-answers';
import { closesMidBody, resetsMidBody, streamsChunks, trickles } from './socket-answers';

describe('FaultServer (the socket-level provider double, checked with a plain axios client)', () => {
  let server: FaultServer;
  beforeEach(async () => (server = await FaultServer.start()));
  afterEach(() => server.stop());

  const get = (path = '/users/a%2Fb/orders', timeout = 5_000) =>
    axios.get(`${server.url}${path}`, { timeout, responseType: 'text', headers: { 'x-request-id': 'r1' } });
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected the request to fail');
      },
      (error: AxiosError) => error,
    );

  it('listens on 127.0.0.1 and answers [] by default, recording the raw request target and headers', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await get();
    expect([response.status, response.data]).toEqual([200, '[]']);
    expect(server.requests).toEqual([
      expect.objectContaining({ method: 'GET', target: '/users/a%2Fb/orders', headers: expect.objectContaining({ 'x-request-id': 'r1' }) }),
    ]);
  });

  it('records the trace context of each request: parsed, absent, or malformed as sent (and still answered)', async () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00';
    await axios.get(`${server.url}/a`, { headers: { traceparent } });
    await axios.get(`${server.url}/a`);
    await expect(axios.get(`${server.url}/a`, { headers: { traceparent: 'ff-nope' } })).resolves.toMatchObject({ status: 200 });
    expect(server.requests.map((request) => request.traceContext)).toEqual([
      { valid: true, traceId: '4bf92f3577b34da6a3ce929d0e0e4736', parentSpanId: '00f067aa0ba902b7', sampled: false },
      undefined,
      { valid: false, traceparent: 'ff-nope' },
    ]);
  });

  it('plays queued faults in order, then the default', async () => {
    server.next(answers(503, 'busy'), answers(200, { ok: 1 }));
    expect((await failure(get())).response?.status).toBe(503);
    expect((await get()).data).toBe('{"ok":1}');
    expect((await get()).data).toBe('[]');
  });

  it('lets a route pick the fault from the request, falling through to the queue when it returns undefined', async () => {
    server.route((request) => (request.target.startsWith('/fail') ? answers(502) : undefined)).next(answers(200, 'queued'));
    expect((await failure(get('/fail/1'))).response?.status).toBe(502);
    expect((await get('/ok')).data).toBe('queued');
  });

  it('timesOut: holds the connection open and sends nothing', async () => {
    server.otherwise(timesOut());
    expect((await failure(get('/x', 300))).code).toBe('ECONNABORTED');
  });

  it('trickles the body one byte at a time', async () => {
    server.next(trickles('abc', 5));
    const chunks: number[] = [];
    const response = await axios.get(`${server.url}/x`, { responseType: 'stream' });
    for await (const chunk of response.data as AsyncIterable<Buffer>) chunks.push(chunk.length);
    expect(chunks).toEqual([1, 1, 1]);
  });

  /** Sends a GET on a raw socket; resolves with what came back and how the connection ended. */
  const rawGet = () =>
    new Promise<{ received: string; ended: 'reset' | 'fin' }>((resolve) => {
      let received = '';
      const socket = createConnection(server.port, '127.0.0.1', () => socket.write('GET /x HTTP/1.1\r\nHost: x\r\n\r\n'));
      socket.on('data', (data: Buffer) => (received += data.toString()));
      socket.on('error', (error: NodeJS.ErrnoException) => error.code === 'ECONNRESET' && resolve({ received, ended: 'reset' }));
      socket.on('end', () => resolve({ received, ended: 'fin' }));
    });

  it('resets the connection mid-body: part of the announced body, then a TCP reset', async () => {
    server.next(resetsMidBody('[{"order_id":"a"}]', 5));
    const { received, ended } = await rawGet();
    expect(ended).toBe('reset');
    expect(received).toMatch(/^HTTP\/1\.1 200 [^]*Content-Length: 18\r\n[^]*\r\n\r\n\[\{"or$/);
  });

  it('closes mid-body: part of the announced body, then a normal close', async () => {
    server.next(closesMidBody('[{"order_id":"a"}]', 5));
    const { received, ended } = await rawGet();
    expect(ended).toBe('fin');
    expect(received).toMatch(/Content-Length: 18\r\n[^]*\r\n\r\n\[\{"or$/);
  });

  it('streams a chunked body with no Content-Length', async () => {
    server.next(streamsChunks('x'.repeat(1000), 50));
    const response = await get();
    expect(response.headers['content-length']).toBeUndefined();
    expect(response.data).toHaveLength(50_000);
  });

  it('resets: a TCP reset before any answer', async () => {
    server.next(resets());
    const { received, ended } = await rawGet();
    expect([received, ended]).toEqual(['', 'reset']);
  });

  it('delays: holds the answer back, then plays it', async () => {
    server.next(delays(100, answers(200, 'late')));
    const started = performance.now();
    expect((await get()).data).toBe('late');
    expect(performance.now() - started).toBeGreaterThanOrEqual(90);
  });

  it('counts open connections and refuses connections once stopped', async () => {
    server.otherwise(timesOut());
    const socket = createConnection(server.port, '127.0.0.1').on('error', () => undefined);
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    while (server.openConnections === 0) await new Promise((resolve) => setImmediate(resolve));
    expect(server.openConnections).toBe(1);
    await server.stop();
    expect(server.openConnections).toBe(0);
    expect((await failure(get())).code).toBe('ECONNREFUSED');
    socket.destroy();
  });
});
