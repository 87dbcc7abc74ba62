import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const workspaceRoot = join(__dirname, '../../..');

/** A port the OS just handed out on 127.0.0.1, free at the time of asking. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A built service (`dist/apps/<name>/main.js`, its `tracing.js` preloaded) running as its own process, as in production. */
export class ServiceProcess {
  private output = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    private readonly started: { name: string; env: Record<string, string>; port: number },
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }

  /**
   * Starts the service on `port` (else a free one) and resolves once `GET /health/live` answers 200; rejects with the exit code
   * and the output if the process exits first.
   */
  static async start(name: string, env: Record<string, string> = {}, port?: number): Promise<ServiceProcess> {
    port ??= await freePort();
    const build = join(workspaceRoot, 'dist/apps', name);
    // As the image starts it: tracing.js (OpenTelemetry, off unless OTEL_TRACES_EXPORTER is set) before main.js.
    const child = spawn(process.execPath, ['--require', join(build, 'tracing.js'), join(build, 'main.js')], {
      env: { ...process.env, ...env, PORT: String(port), NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const service = new ServiceProcess(child, `http://127.0.0.1:${port}`, { name, env, port });
    // Generous: the Order Service boots an embedded database first, and the test machine is shared.
    await service.waitUntilLive(90_000);
    return service;
  }

  /** The same service started again, on the same port with the same environment (after `kill` or `stop`). */
  restart(): Promise<ServiceProcess> {
    return ServiceProcess.start(this.started.name, this.started.env, this.started.port);
  }

  /** What the process printed so far (for failure messages). */
  get log(): string {
    return this.output;
  }

  /** The JSON lines the process printed so far that carry `reqId` (the request id its logger tags them with). */
  linesOf(requestId: string): Record<string, unknown>[] {
    return this.output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line['reqId'] === requestId);
  }

  /**
   * The one line the process wrote for the request `requestId` to `url` (`request completed`, or `request aborted` when
   * its caller hung up first), waiting up to `timeoutMs` for it: a service writes it after the answer has left.
   */
  async requestLine(requestId: string, url: string, timeoutMs = 5_000): Promise<Record<string, unknown> | undefined> {
    const isRequestLine = (line: Record<string, unknown>) => line['msg'] === 'request completed' || line['msg'] === 'request aborted';
    const find = () =>
      this.linesOf(requestId).find((line) => isRequestLine(line) && (line['req'] as { url?: string } | undefined)?.url === url);
    const deadline = Date.now() + timeoutMs;
    while (find() === undefined && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    return find();
  }

  /** How the process ended: its exit code, or the signal that killed it; `undefined` while it runs. */
  get exitStatus(): { code: number | null; signal: NodeJS.Signals | null } | undefined {
    const { exitCode: code, signalCode: signal } = this.child;
    return code === null && signal === null ? undefined : { code, signal };
  }

  /** Sends SIGTERM and resolves once the process has exited. */
  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  /** `kill -9`: no shutdown hooks, no flushing — what a crash or an OOM kill does. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill(signal);
    await exited;
  }

  private async waitUntilLive(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) {
        throw new Error(`service exited early with code ${this.child.exitCode}:\n${this.output}`);
      }
      try {
        const response = await fetch(`${this.url}/health/live`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await this.stop();
    throw new Error(`service not live after ${timeoutMs} ms:\n${this.output}`);
  }
}
