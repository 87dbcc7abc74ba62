import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  private constructor(
    private readonly child: ChildProcess,
    readonly name: string,
    readonly url: string,
    private readonly logFile: string,
  ) {}

  static async start(
    name: string,
    args: readonly string[],
    env: Record<string, string>,
    readyPath: string,
  ): Promise<BenchProcess> {
    const port = await freePort();
    // Output goes to a file, as to a log collector: read through a pipe, it would cost the bench process (which
    // also runs autocannon) CPU for every line, and hold back the load on exactly the chains that log.
    const logFile = join(tmpdir(), `bench-process-${process.pid}-${port}.log`);
    const log = openSync(logFile, 'w');
    const child = spawn(process.execPath, args, {
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', log, log],
    });
    closeSync(log);
    const started = new BenchProcess(child, name, `http://127.0.0.1:${port}`, logFile);
    // Generous: an Order Service on embedded PGlite took over 30 s to answer on this 2-core machine under other sessions' load.
    await started.waitUntilReady(readyPath, 90_000);
    return started;
  }

  /** The end of what the process printed (for failure messages). */
  private get output(): string {
    return readFileSync(this.logFile, 'utf8').slice(-4000);
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
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      const killer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
    }
    rmSync(this.logFile, { force: true });
  }

  private async waitUntilReady(path: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) {
        const output = this.output;
        await this.stop();
        throw new Error(`${this.name} exited early:\n${output}`);
      }
      try {
        const response = await fetch(`${this.url}${path}`);
        await response.arrayBuffer();
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const output = this.output;
    await this.stop();
    throw new Error(`${this.name} not ready after ${timeoutMs} ms:\n${output}`);
  }
}

/** The processes one bench run started: `start` is `BenchProcess.start`, and `stopAll` stops them all at its end. */
export class BenchProcesses {
  private readonly started: BenchProcess[] = [];

  readonly start = async (...args: Parameters<typeof BenchProcess.start>): Promise<BenchProcess> => {
    const process = await BenchProcess.start(...args);
    this.started.push(process);
    return process;
  };

  async stopAll(): Promise<void> {
    await Promise.all(this.started.map((process) => process.stop()));
  }
}
