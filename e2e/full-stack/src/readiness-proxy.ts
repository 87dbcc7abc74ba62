import { RollingProxy } from './rolling-proxy';

/** What the proxy saw of one backend's `GET /health/ready`: each answer's status and `code`, in order. */
export type ReadinessHistory = { status: number; code?: string }[];

/**
 * A small load balancer, as Kubernetes Services and most proxies behave: it polls each backend's `/health/ready`
 * every `pollMs` and sends requests round-robin (a `RollingProxy`) to the backends whose last answer was 200 only.
 * It forwards requests without retrying them, so a request sent to a backend that stops fails at the caller.
 */
export class ReadinessProxy {
  private readonly ready = new Set<string>();
  private readonly histories = new Map<string, ReadinessHistory>();
  private polling = true;

  private constructor(
    private readonly proxy: RollingProxy,
    private readonly backends: string[],
  ) {
    for (const backend of backends) this.histories.set(backend, []);
  }

  /** Starts on a free 127.0.0.1 port once every backend has been asked whether it is ready. */
  static async start(backends: string[], pollMs = 50): Promise<ReadinessProxy> {
    const proxy = new ReadinessProxy(await RollingProxy.start([]), backends);
    await Promise.all(backends.map((backend) => proxy.poll(backend)));
    void proxy.keepPolling(pollMs);
    return proxy;
  }

  get url(): string {
    return this.proxy.url;
  }

  /** The readiness answers `backend` gave, oldest first; a refused connection ends them with status 0. */
  history(backend: string): ReadinessHistory {
    return this.histories.get(backend) ?? [];
  }

  async stop(): Promise<void> {
    this.polling = false;
    await this.proxy.stop();
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
    if (!this.polling) return;
    if (answer.status === 200 && !this.ready.has(backend)) {
      this.ready.add(backend);
      this.proxy.add(backend);
    } else if (answer.status !== 200 && this.ready.delete(backend)) {
      // Out of rotation at once; what it was already sent still finishes.
      void this.proxy.remove(backend);
    }
  }
}
