import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DrizzleInventoryRepository } from '../inventory/drizzle-inventory.repository';
import { MIGRATIONS_FOLDER, TEST_BACKENDS, type TestDatabase } from '../testing/test-databases';
import { openInventoryDatabase } from './open-inventory-database';

interface Journal {
  entries: { tag: string; when: number }[];
}

const readJournal = async (folder: string): Promise<Journal> =>
  JSON.parse(await readFile(join(folder, 'meta/_journal.json'), 'utf8')) as Journal;

describe('Inventory Service migrations', () => {
  it('are stamped in the order they apply: Drizzle skips a migration stamped before the last one applied', async () => {
    const stamps = (await readJournal(MIGRATIONS_FOLDER)).entries.map((entry) => entry.when);
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  describe.each(TEST_BACKENDS)('on a $name database deployed with only 0000_init', (backend) => {
    let testDatabase: TestDatabase;
    let pgliteDir: string;
    let firstMigrationOnly: string;

    beforeAll(async () => {
      testDatabase = await backend.create();
      pgliteDir = await mkdtemp(join(tmpdir(), 'inventory-service-pglite-'));
      firstMigrationOnly = await mkdtemp(join(tmpdir(), 'inventory-service-migrations-'));
      await cp(MIGRATIONS_FOLDER, firstMigrationOnly, { recursive: true });
      const journal = await readJournal(MIGRATIONS_FOLDER);
      await writeFile(
        join(firstMigrationOnly, 'meta/_journal.json'),
        JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }),
      );
    });

    afterAll(async () => {
      await testDatabase?.drop();
      await rm(pgliteDir, { recursive: true, force: true });
      await rm(firstMigrationOnly, { recursive: true, force: true });
    });

    it('applies the later migrations on the next start', async () => {
      await (await openInventoryDatabase(testDatabase.options({ pgliteDir, migrationsFolder: firstMigrationOnly }))).close();
      const database = await openInventoryDatabase(testDatabase.options({ pgliteDir }));
      try {
        const repository = new DrizzleInventoryRepository(database);
        await repository.setStock('Upgraded', 1);
        expect(await repository.find('Upgraded')).toEqual({ item: 'Upgraded', in_stock: 1 });
      } finally {
        await database.close();
      }
    });
  });
});
