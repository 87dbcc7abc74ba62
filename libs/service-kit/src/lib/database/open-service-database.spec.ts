import { sql } from 'drizzle-orm';
import { pgSchema, text } from 'drizzle-orm/pg-core';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DatabaseUnavailableError } from './database-unavailable.error';
import { openServiceDatabase, type ServiceDatabaseLocation } from './open-service-database';
import { ServiceDatabase, type ServiceDb } from './service-database';

const kit = pgSchema('kit_test');
const things = kit.table('things', { name: text('name').primaryKey() });
const schema = { things };
class ThingDatabase extends ServiceDatabase<ServiceDb<typeof schema>> {}

/** A Drizzle migrations folder holding `statements`, one migration each. */
function migrationsFolder(...statements: string[]): string {
  const folder = mkdtempSync(join(tmpdir(), 'kit-migrations-'));
  mkdirSync(join(folder, 'meta'));
  const entries = statements.map((statement, idx) => {
    const tag = `000${idx}_step`;
    writeFileSync(join(folder, `${tag}.sql`), statement);
    return { idx, version: '7', when: 1_700_000_000_000 + idx, tag, breakpoints: true };
  });
  writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify({ version: '7', dialect: 'postgresql', entries }));
  return folder;
}

const CREATE_THINGS =
  'CREATE SCHEMA IF NOT EXISTS "kit_test";\n--> statement-breakpoint\nCREATE TABLE "kit_test"."things" ("name" text PRIMARY KEY);';
const folders: string[] = [];
const inMemory = (...statements: string[]): ServiceDatabaseLocation => {
  const folder = migrationsFolder(...statements);
  folders.push(folder);
  return { seedDemoData: false, migrationsFolder: folder };
};
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

const howToOpen = { database: ThingDatabase, schema, migrationLock: 'kit test migrations', migrationsSchema: 'kit_test' };

describe('openServiceDatabase on embedded PGlite', () => {
  it('migrates, keeps the journal in the service’s schema and seeds only when asked', async () => {
    const seed = jest.fn(async (db: ServiceDb<typeof schema>) => {
      await db.insert(things).values({ name: 'demo' });
    });
    const plain = await openServiceDatabase(inMemory(CREATE_THINGS), { ...howToOpen, seed });
    const seeded = await openServiceDatabase({ ...inMemory(CREATE_THINGS), seedDemoData: true }, { ...howToOpen, seed });
    try {
      expect(plain).toBeInstanceOf(ThingDatabase);
      expect(plain.description).toBe('embedded PGlite in memory');
      expect(await plain.db.select().from(things)).toEqual([]);
      expect(await seeded.db.select().from(things)).toEqual([{ name: 'demo' }]);
      expect(seed).toHaveBeenCalledTimes(1);
      const journal = await plain.db.execute(sql`select count(*)::int as applied from kit_test.__drizzle_migrations`);
      expect((journal as unknown as { rows: unknown[] }).rows).toEqual([{ applied: 1 }]);
      await expect(plain.ping()).resolves.toBeUndefined();
    } finally {
      await plain.close();
      await seeded.close();
    }
    expect(plain.isClosed).toBe(true);
    await expect(plain.close()).resolves.toBeUndefined();
  });

  it('rejects a failed migration with the service’s own error, applying none of the batch', async () => {
    const broken = inMemory(CREATE_THINGS, 'CREATE TABLE "kit_test"."things" ("name" text);');
    const migrationFailed = (error: unknown) => new Error('the service’s own migration error', { cause: error });
    await expect(openServiceDatabase(broken, { ...howToOpen, migrationFailed })).rejects.toThrow(
      'the service’s own migration error',
    );
    // Without a mapping, the migrator's own error.
    await expect(openServiceDatabase(broken, howToOpen)).rejects.toThrow(/already exists|Failed query/);
  });

  it('closes the database again when the seed fails', async () => {
    let seededDb: ServiceDb<typeof schema> | undefined;
    const failingSeed = async (db: ServiceDb<typeof schema>) => {
      seededDb = db;
      throw new Error('demo data refused');
    };
    await expect(
      openServiceDatabase({ ...inMemory(CREATE_THINGS), seedDemoData: true }, { ...howToOpen, seed: failingSeed }),
    ).rejects.toThrow('demo data refused');
    await expect(seededDb?.execute(sql`select 1`)).rejects.toThrow();
  });
});

describe('openServiceDatabase on PostgreSQL', () => {
  it('names the unreachable server, never the password', async () => {
    const unreachable = { ...inMemory(CREATE_THINGS), url: 'postgres://kit:s3cret-password@127.0.0.1:1/things' };
    const opening = openServiceDatabase(unreachable, howToOpen);
    await expect(opening).rejects.toBeInstanceOf(DatabaseUnavailableError);
    await expect(opening).rejects.toThrow(/^Cannot reach PostgreSQL at 127\.0\.0\.1:1\/things: ECONNREFUSED$/);
    await expect(opening).rejects.not.toThrow(/s3cret/);
  });

});

// Several instances of a deployment start at once against one server: the advisory lock makes them take turns. Only a
// server can be shared, so this runs wherever DATABASE_URL is set (CI sets it).
const serverUrl = process.env['DATABASE_URL'];
if (serverUrl) {
  describe('openServiceDatabase on a shared PostgreSQL server', () => {
    it.each([['a text', 'kit test migrations'], ['a number', 4_004_999]])(
      'lets instances starting together migrate one fresh database, the lock being %s',
      async (_kind, migrationLock) => {
        const name = `kit_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
        const admin = new Client({ connectionString: serverUrl });
        await admin.connect();
        await admin.query(`create database ${name}`);
        const url = new URL(serverUrl as string);
        url.pathname = `/${name}`;
        const location = { ...inMemory(CREATE_THINGS), url: url.toString() };
        const opened = await Promise.allSettled(
          Array.from({ length: 3 }, () => openServiceDatabase(location, { ...howToOpen, migrationLock })),
        );
        try {
          expect(opened.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
          const [first] = opened as PromiseFulfilledResult<ThingDatabase>[];
          expect(first.value.description).toBe(`PostgreSQL at 127.0.0.1:5432/${name}`);
          expect(await first.value.db.select().from(things)).toEqual([]);
        } finally {
          for (const result of opened) if (result.status === 'fulfilled') await result.value.close();
          await admin.query(`drop database if exists ${name} with (force)`);
          await admin.end();
        }
      },
    );
  });
}
