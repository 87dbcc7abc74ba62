import { asc, sql } from 'drizzle-orm';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DrizzleInventoryRepository } from '../inventory/drizzle-inventory.repository';
import { MIGRATIONS_FOLDER, TEST_BACKENDS, type TestDatabase } from '../testing/test-databases';
import { reservations } from './inventory-service.schema';
import { openInventoryDatabase } from './open-inventory-database';

/** A copy of the migrations that ends with `tag`, as a database deployed back then was migrated. */
async function migrationsUntil(tag: string): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), `inventory-migrations-${tag}-`));
  await cp(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = join(folder, 'meta/_journal.json');
  const journal = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const end = journal.entries.findIndex((entry) => entry.tag === tag);
  await writeFile(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, end + 1) }));
  return folder;
}

describe.each(TEST_BACKENDS)('0002_reservation_lifecycle on a $name database with reservations made before it', (backend) => {
  let testDatabase: TestDatabase;
  let pgliteDir: string;
  let before: string;

  beforeAll(async () => {
    testDatabase = await backend.create();
    pgliteDir = await mkdtemp(join(tmpdir(), 'inventory-service-pglite-'));
    before = await migrationsUntil('0001_stock_and_reservations');
  });

  afterAll(async () => {
    await testDatabase?.drop();
    await rm(pgliteDir, { recursive: true, force: true });
    await rm(before, { recursive: true, force: true });
  });

  it('counts unreleased reservations as confirmed (their orders were placed) and received as what they add up to', async () => {
    const old = await openInventoryDatabase(testDatabase.options({ pgliteDir, migrationsFolder: before }));
    await old.db.execute(sql`insert into inventory.stock (item, in_stock) values ('Laptop', 7), ('Mouse', 0)`);
    await old.db.execute(sql`insert into inventory.reservations (id, item, quantity, released_at) values
      ('res_00000000-0000-4000-8000-000000000001', 'Laptop', 2, null),
      ('res_00000000-0000-4000-8000-000000000002', 'Laptop', 1, null),
      ('res_00000000-0000-4000-8000-000000000003', 'Laptop', 4, now())`);
    await old.close();

    const database = await openInventoryDatabase(testDatabase.options({ pgliteDir }));
    try {
      const repository = new DrizzleInventoryRepository(database);
      expect(await repository.units('Laptop')).toEqual({ item: 'Laptop', available: 7, held: 0, confirmed: 3, shipped: 0, received: 10 });
      expect(await repository.units('Mouse')).toEqual({ item: 'Mouse', available: 0, held: 0, confirmed: 0, shipped: 0, received: 0 });
      const states = await database.db
        .select({ state: reservations.state, confirmedAt: reservations.confirmedAt })
        .from(reservations)
        .orderBy(asc(reservations.id));
      expect(states.map(({ state, confirmedAt }) => [state, confirmedAt !== null])).toEqual([
        ['confirmed', true],
        ['confirmed', true],
        ['released', false],
      ]);
    } finally {
      await database.close();
    }
  });

  it.each([
    ['a state outside the lifecycle', `update inventory.reservations set state = 'lost' where state = 'confirmed'`, 'reservations_state_known'],
    ['a shipped reservation without shipped_at', `update inventory.reservations set state = 'shipped' where state = 'confirmed'`, 'reservations_shipped_at_matches_state'],
    ['a held reservation with confirmed_at', `update inventory.reservations set state = 'held'`, 'reservations_confirmed_at_matches_state'],
    ['counts that do not add up', `update inventory.stock set held = held + 1`, 'stock_received_adds_up'],
    ['a negative count', `update inventory.stock set shipped = -1, in_stock = in_stock + 1`, 'stock_shipped_not_negative'],
  ])('refuses %s with its named CHECK constraint', async (_case, statement, constraint) => {
    const database = await openInventoryDatabase(testDatabase.options({ pgliteDir }));
    try {
      const failure = await database.db.execute(sql.raw(statement)).catch((error: unknown) => error);
      expect(String((failure as { cause?: unknown }).cause ?? failure)).toContain(constraint);
    } finally {
      await database.close();
    }
  });
});
