import { Agent, createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

interface Backend {
  url: URL;
  agent: Agent;
  inFlight: number;
  drained?: () => void;
}

/**
 * What a Kubernetes Service does for a rolling update, small enough for a test: spreads requests over its backends
 * (round robin), takes a new one in with `add`, and on `remove` stops sending it requests and resolves once those it
 * has in flight are answered — so the backend can then be stopped without failing a call.
 */
export class RollingProxy {
  private backends: Backend[] = [];
  private next = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  /** A proxy on a free 127.0.0.1 port, in front of `backends`. */
  static async start(backends: string[]): Promise<RollingProxy> {
    // Requests arrive once it listens, by which time `proxy` is set.
    const server = createServer((req, res) => proxy.forward(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const proxy = new RollingProxy(server, `http://127.0.0.1:${port}`);
    for (const backend of backends) proxy.add(backend);
    return proxy;
  }

  /** Starts sending requests to `url` too. */
  add(url: string): void {
    this.backends.push({ url: new URL(url), agent: new Agent({ keepAlive: true }), inFlight: 0 });
  }

  /** Stops sending requests to `url`; resolves once every request it was sent has been answered. */
  async remove(url: string): Promise<void> {
    const backend = this.backends.find((b) => b.url.origin === new URL(url).origin);
    if (!backend) throw new Error(`${url} is not behind the proxy`);
    this.backends = this.backends.filter((b) => b !== backend);
    if (backend.inFlight > 0) await new Promise<void>((resolve) => (backend.drained = resolve));
    backend.agent.destroy();
  }

  async stop(): Promise<void> {
    for (const backend of this.backends) backend.agent.destroy();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private forward(req: IncomingMessage, res: ServerResponse): void {
    if (this.backends.length === 0) {
      res.writeHead(503).end();
      return;
    }
    const backend = this.backends[this.next++ % this.backends.length];
    backend.inFlight++;
    const done = () => {
      if (--backend.inFlight === 0) backend.drained?.();
    };
    const upstream = request(
      { host: backend.url.hostname, port: backend.url.port, path: req.url, method: req.method, headers: req.headers, agent: backend.agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.once('end', done);
      },
    );
    upstream.once('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
      done();
    });
    req.pipe(upstream);
  }
}
