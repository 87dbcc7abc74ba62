import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { processCpuSeconds, processRssMiB } from './proc-stats';

/** A port the OS just handed out on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A server process under measurement: started with `node <args>` on a free port, ready once `readyPath` answers
 * 200, with its CPU time and resident memory read from /proc (Linux).
 */
export class BenchProcess {
  private output = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly name: string,
    readonly url: string,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-4000)));
    child.stderr?.on('data', (chunk: Buffer) => (this.output = (this.output + chunk.toString()).slice(-4000)));
  }

  static async start(
    name: string,
    args: readonly string[],
    env: Record<string, string>,
    readyPath: string,
  ): Promise<BenchProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, args, {
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const started = new BenchProcess(child, name, `http://127.0.0.1:${port}`);
    await started.waitUntilReady(readyPath, 30_000);
    return started;
  }

  /** User + system CPU seconds the process has used so far. */
  cpuSeconds(): number {
    return processCpuSeconds(this.child.pid as number);
  }

  /** Resident set size now, in MiB. */
  rssMiB(): number {
    return processRssMiB(this.child.pid as number);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    const killer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(killer);
  }

  private async waitUntilReady(path: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`${this.name} exited early:\n${this.output}`);
      try {
        const response = await fetch(`${this.url}${path}`);
        await response.arrayBuffer();
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await this.stop();
    throw new Error(`${this.name} not ready after ${timeoutMs} ms:\n${this.output}`);
  }
}
