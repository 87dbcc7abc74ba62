import { readdirSync, readFileSync } from 'node:fs';
import { Client } from 'pg';
import { processCpuSeconds, processRssMiB } from './proc-stats';

/**
 * The PostgreSQL server processes serving one database (backends whose process title names it), measured like a
 * bench process: a service on PostgreSQL hands part of each request's work to them, so its CPU per request is
 * only complete with theirs. Reads /proc (Linux; the server must run on this machine).
 */
export class PostgresBackends {
  readonly name: string;
  /**
   * The CPU seconds each backend had when last read, kept after it ends: pools close idle connections (pg's after
   * 10 s) and open new ones, so a sum over the backends alive now could shrink between two readings.
   */
  private readonly cpuLastRead = new Map<string, number>();

  constructor(readonly database: string) {
    this.name = `PostgreSQL backends of ${database}`;
  }

  /** CPU seconds of every backend of the database seen so far (never decreases). */
  cpuSeconds(): number {
    for (const pid of this.pids()) {
      try {
        const cpu = processCpuSeconds(pid);
        if (Number.isFinite(cpu)) this.cpuLastRead.set(pid, cpu);
      } catch {
        // the backend ended between listing and reading: its last reading stands
      }
    }
    return [...this.cpuLastRead.values()].reduce((sum, cpu) => sum + cpu, 0);
  }

  rssMiB(): number {
    return this.sum(processRssMiB);
  }

  private sum(read: (pid: string) => number): number {
    return this.pids().reduce((sum, pid) => {
      try {
        const value = read(pid);
        return Number.isFinite(value) ? sum + value : sum; // a backend that is ending holds no memory
      } catch {
        return sum; // the backend ended between listing and reading
      }
    }, 0);
  }

  private pids(): string[] {
    const title = ` ${this.database} `;
    return readdirSync('/proc').filter((pid) => {
      if (!/^\d+$/.test(pid)) return false;
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        return cmdline.startsWith('postgres: ') && cmdline.includes(title);
      } catch {
        return false;
      }
    });
  }
}

/** Creates a database of its own beside the one `serverUrl` names and returns its URL. */
export async function createScratchDatabase(serverUrl: string, database: string): Promise<string> {
  await onServer(serverUrl, (client) => client.query(`create database "${database}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function dropScratchDatabase(serverUrl: string, database: string): Promise<void> {
  await onServer(serverUrl, (client) => client.query(`drop database if exists "${database}" with (force)`));
}

async function onServer<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
