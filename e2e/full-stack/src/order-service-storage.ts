import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

/** Storage for a spawned Order Service: the environment that selects it, and its removal. */
export interface OrderServiceStorage {
  name: string;
  env: Record<string, string>;
  remove(): Promise<void>;
}

/** How a storage is made, named before it exists (for test titles). */
export interface OrderServiceStorageKind {
  name: string;
  /** Whether a test can open its own connection to the database (an embedded one belongs to the service alone). */
  sharedWithTests: boolean;
  create: () => Promise<OrderServiceStorage>;
}

/** An embedded PGlite database in a fresh temporary folder. */
async function pgliteFolder(): Promise<OrderServiceStorage> {
  const dir = await mkdtemp(join(tmpdir(), 'order-service-e2e-'));
  // DATABASE_URL emptied: the service must not pick up the server the test run itself was given.
  return { name: 'PGlite', env: { PGLITE_DIR: dir, DATABASE_URL: '' }, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A uniquely named database on the PostgreSQL server at `serverUrl`, dropped by `remove`. */
async function postgresDatabase(serverUrl: string): Promise<OrderServiceStorage> {
  const name = `order_service_e2e_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const onServer = async (statement: ReturnType<typeof sql>) => {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    await drizzle(client).execute(statement).finally(() => client.end());
  };
  await onServer(sql`create database ${sql.identifier(name)}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name: 'PostgreSQL',
    env: { DATABASE_URL: url.toString() },
    remove: () => onServer(sql`drop database if exists ${sql.identifier(name)} with (force)`),
  };
}

/** The default embedded database in memory: nothing on disk to remove. */
async function pgliteInMemory(): Promise<OrderServiceStorage> {
  return { name: 'embedded PGlite', env: { DATABASE_URL: '' }, remove: async () => undefined };
}

const serverUrl = process.env['DATABASE_URL'];
const postgres: OrderServiceStorageKind | undefined = serverUrl
  ? { name: 'PostgreSQL', sharedWithTests: true, create: () => postgresDatabase(serverUrl) }
  : undefined;

/** Persistent storages a process test must pass on: PGlite in a folder always, PostgreSQL when `DATABASE_URL` is set. */
export const PERSISTENT_STORAGES: readonly OrderServiceStorageKind[] = [
  { name: 'PGlite', sharedWithTests: false, create: pgliteFolder },
  ...(postgres ? [postgres] : []),
];

/**
 * The database the full stack runs on: the real server, a scratch database on it, when `DATABASE_URL` is set (as in
 * production); otherwise the embedded default in memory.
 */
export const FULL_STACK_STORAGE: OrderServiceStorageKind = postgres ?? { name: 'embedded PGlite', sharedWithTests: false, create: pgliteInMemory };
