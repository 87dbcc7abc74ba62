import { Agent, createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy saw of one backend's `GET /health/ready`: each answer's status and `code`, in order. */
export type ReadinessHistory = { status: number; code?: string }[];

/**
 * A small load balancer, as Kubernetes Services and most proxies behave: it polls each backend's `/health/ready`
 * every `pollMs` and sends requests round-robin to the backends whose last answer was 200 only. It forwards
 * requests without retrying them, so a request sent to a backend that stops fails at the caller.
 */
export class ReadinessProxy {
  private readonly ready = new Set<string>();
  private readonly histories = new Map<string, ReadinessHistory>();
  private readonly agent = new Agent({ keepAlive: true });
  private readonly server: Server = createServer((req, res) => this.forward(req, res));
  private next = 0;
  private polling = true;

  private constructor(private readonly backends: string[]) {
    for (const backend of backends) this.histories.set(backend, []);
  }

  /** Starts on a free 127.0.0.1 port once every backend has been asked whether it is ready. */
  static async start(backends: string[], pollMs = 50): Promise<ReadinessProxy> {
    const proxy = new ReadinessProxy(backends);
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    await Promise.all(backends.map((backend) => proxy.poll(backend)));
    void proxy.keepPolling(pollMs);
    return proxy;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The readiness answers `backend` gave, oldest first; a refused connection ends them with status 0. */
  history(backend: string): ReadinessHistory {
    return this.histories.get(backend) ?? [];
  }

  async stop(): Promise<void> {
    this.polling = false;
    this.agent.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async keepPolling(pollMs: number): Promise<void> {
    while (this.polling) {
      await new Promise((resolve) => setTimeout(resolve, pollMs));
      await Promise.all(this.backends.map((backend) => this.poll(backend)));
    }
  }

  private async poll(backend: string): Promise<void> {
    let answer: { status: number; code?: string };
    try {
      const response = await fetch(`${backend}/health/ready`);
      const body = (await response.json()) as { code?: string };
      answer = { status: response.status, ...(body.code === undefined ? {} : { code: body.code }) };
    } catch {
      answer = { status: 0 };
    }
    this.histories.get(backend)?.push(answer);
    if (answer.status === 200) this.ready.add(backend);
    else this.ready.delete(backend);
  }

  private forward(req: IncomingMessage, res: ServerResponse): void {
    const targets = [...this.ready];
    if (targets.length === 0) {
      res.writeHead(502, { 'content-type': 'application/json' }).end('{"error":"no ready backend","code":"NO_BACKEND"}');
      return;
    }
    const target = new URL(targets[this.next++ % targets.length]);
    const upstream = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers, agent: this.agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: `upstream failed: ${error.message}`, code: 'UPSTREAM_FAILED' }));
    });
    req.pipe(upstream);
  }
}
