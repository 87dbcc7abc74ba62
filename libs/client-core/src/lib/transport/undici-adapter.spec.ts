import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import axios, { AxiosError, AxiosHeaders, type AxiosInstance, type AxiosRequestConfig } from 'axios';
import { Agent } from 'undici';
import { ClientAxios } from './client-axios';
import { undiciAdapter } from './undici-adapter';

/** What the test server saw of each request. */
interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A server on 127.0.0.1 whose answer to each path is scripted below. */
function scriptedServer(): Promise<{ server: Server; origin: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      const path = (request.url ?? '').split('?')[0];
      const json = (status: number, value: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-answer': path });
        response.end(JSON.stringify(value));
      };
      if (path === '/echo') return json(200, { method: request.method, url: request.url, body });
      if (path === '/missing') return json(404, { error: 'Unknown user', code: 'USER_NOT_FOUND' });
      if (path === '/broken') return json(503, { error: 'Down', code: 'UNAVAILABLE' });
      if (path === '/large') return json(200, { padding: 'x'.repeat(1_000) });
      if (path === '/redirect') {
        response.writeHead(302, { location: '/echo' });
        return response.end();
      }
      if (path === '/slow') return void setTimeout(() => json(200, { late: true }), 2_000);
      json(500, { error: `no script for ${path}` });
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen })),
  );
}

/** What a request ended as, in terms both adapters can be compared on. */
async function outcome(instance: AxiosInstance, config: AxiosRequestConfig) {
  try {
    const response = await instance.request(config);
    return { status: response.status, data: response.data as unknown, contentType: response.headers['content-type'] as unknown };
  } catch (error) {
    if (axios.isCancel(error)) return { canceled: true };
    const failure = error as AxiosError;
    return { code: failure.code, message: failure.message, status: failure.response?.status, data: failure.response?.data };
  }
}

describe('undiciAdapter', () => {
  let server: Server;
  let origin: string;
  let seen: Seen[];
  let agent: Agent;
  let undici: AxiosInstance;
  let httpAxios: ClientAxios;

  beforeAll(async () => {
    ({ server, origin, seen } = await scriptedServer());
    agent = new Agent();
    // Configured as the client core's http-adapter instance (ClientAxios), but for the adapter.
    undici = axios.create({ adapter: undiciAdapter(agent), maxRedirects: 0, proxy: false });
    httpAxios = new ClientAxios();
  });
  afterAll(async () => {
    httpAxios.onApplicationShutdown();
    await agent.close();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => (seen.length = 0));

  // Each case runs on axios' http adapter (the client core's transport today) and on the undici adapter: what a
  // caller sees must be the same — the core's error mapping reads these codes and messages.
  // The requests a server saw are compared where the answer is immediate: a slow one may still be on its way in.
  it.each<[string, () => AxiosRequestConfig]>([
    ['a GET with baseURL, params and headers', () => ({ baseURL: origin, url: '/echo', params: { page: 2, q: 'a b' }, headers: { 'x-request-id': 'req-1' } })],
    ['a POST of a JSON body', () => ({ method: 'POST', url: `${origin}/echo`, data: { item: 'Laptop', quantity: 1 } })],
    ['a 404 with the provider’s error body', () => ({ url: `${origin}/missing` })],
    ['a 503', () => ({ url: `${origin}/broken` })],
    ['a 302, not followed', () => ({ url: `${origin}/redirect` })],
    ['an answer over maxContentLength', () => ({ url: `${origin}/large`, maxContentLength: 100 })],
    ['a body over maxBodyLength, never sent', () => ({ method: 'POST', url: `${origin}/echo`, data: { padding: 'x'.repeat(200) }, maxBodyLength: 100 })],
    ['a timeout', () => ({ url: `${origin}/slow`, timeout: 50 })],
    ['a timeout, clarified', () => ({ url: `${origin}/slow`, timeout: 50, transitional: { clarifyTimeoutError: true } })],
    ['an aborted signal', () => ({ url: `${origin}/slow`, signal: AbortSignal.timeout(50) })],
    ['a cancelled token', () => {
      const source = axios.CancelToken.source();
      setTimeout(() => source.cancel('caller left'), 50);
      return { url: `${origin}/slow`, cancelToken: source.token };
    }],
  ])('answers %s as axios’ http adapter does', async (_case, config) => {
    const viaHttp = await outcome(httpAxios.instance, config());
    const seenViaHttp = seen.splice(0).map(({ method, url, body }) => ({ method, url, body }));
    const viaUndici = await outcome(undici, config());
    const seenViaUndici = seen.splice(0).map(({ method, url, body }) => ({ method, url, body }));
    expect(viaUndici).toEqual(viaHttp);
    if (!config().url?.endsWith('/slow')) expect(seenViaUndici).toEqual(seenViaHttp);
  });

  it('sends the request line, headers and body the caller set', async () => {
    const { data } = await undici.post(`${origin}/echo?x=1`, { item: 'Laptop' }, { headers: { Authorization: 'Bearer t0k3n', 'x-deadline-ms': '800' } });
    expect(data).toEqual({ method: 'POST', url: '/echo?x=1', body: '{"item":"Laptop"}' });
    // Found by its request line: a client elsewhere on the machine holding a stale URL may reach this port too.
    const echoed = seen.find((request) => request.method === 'POST' && request.url === '/echo?x=1');
    expect(echoed?.headers).toMatchObject({ authorization: 'Bearer t0k3n', 'x-deadline-ms': '800', 'content-type': 'application/json' });
    expect(echoed?.headers['accept-encoding']).toBeUndefined();
  });

  it('gives the response headers, statusText and the parsed body', async () => {
    const response = await undici.get(`${origin}/echo`);
    expect(response.status).toBe(200);
    expect(response.statusText).toBe('OK');
    expect(response.headers['x-answer']).toBe('/echo');
    expect((response.headers as AxiosHeaders).get('X-Answer')).toBe('/echo');
  });

  it('fails a refused connection as ECONNREFUSED, with no response', async () => {
    const closed = createServer();
    const port = await new Promise<number>((resolve) => closed.listen(0, '127.0.0.1', () => resolve((closed.address() as AddressInfo).port)));
    await new Promise((resolve) => closed.close(resolve));
    const failure = await undici.get(`http://127.0.0.1:${port}/echo`).catch((error: AxiosError) => error);
    expect(failure).toBeInstanceOf(AxiosError);
    expect(failure).toMatchObject({ code: 'ECONNREFUSED' });
    expect((failure as AxiosError).response).toBeUndefined();
  });

  it('reads the body as bytes or as a stream when asked', async () => {
    const bytes = await undici.get(`${origin}/echo`, { responseType: 'arraybuffer' });
    expect(Buffer.isBuffer(bytes.data)).toBe(true);
    expect(JSON.parse((bytes.data as Buffer).toString())).toMatchObject({ method: 'GET' });
    const stream = await undici.get(`${origin}/echo`, { responseType: 'stream' });
    let text = '';
    for await (const chunk of stream.data as Readable) text += String(chunk);
    expect(JSON.parse(text)).toMatchObject({ method: 'GET' });
  });

  it('keeps one connection alive across calls', async () => {
    for (let call = 0; call < 3; call++) await undici.get(`${origin}/echo`);
    expect(seen.map(({ headers }) => headers.connection)).toEqual(['keep-alive', 'keep-alive', 'keep-alive']);
  });
});
