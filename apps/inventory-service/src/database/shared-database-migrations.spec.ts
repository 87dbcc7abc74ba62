import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { MIGRATIONS_FOLDER, POSTGRES_SERVER_URL, TEST_BACKENDS, type TestDatabase } from '../testing/test-databases';
import { openInventoryDatabase } from './open-inventory-database';

// The Order Service's migrations as its openOrderDatabase applies them: Drizzle's default journal (drizzle schema).
const ORDER_SERVICE_MIGRATIONS = join(__dirname, '../../../order-service/migrations');

const journalLength = (folder: string): number =>
  (JSON.parse(readFileSync(join(folder, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;

const postgres = TEST_BACKENDS.find((backend) => backend.name === 'PostgreSQL');

// Only a server is shared by services; each embedded PGlite belongs to one process. CI sets DATABASE_URL.
(POSTGRES_SERVER_URL ? describe : describe.skip)('Inventory and Order Service migrations on one PostgreSQL database', () => {
  let testDatabase: TestDatabase;

  beforeEach(async () => {
    testDatabase = await (postgres as NonNullable<typeof postgres>).create();
  });

  afterEach(async () => {
    await testDatabase?.drop();
  });

  const withClient = async <T>(work: (client: Client) => Promise<T>): Promise<T> => {
    const client = new Client({ connectionString: testDatabase.url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  const migrateOrderService = () =>
    withClient((client) => migrate(drizzle(client), { migrationsFolder: ORDER_SERVICE_MIGRATIONS }));
  const migrateInventory = async () => (await openInventoryDatabase(testDatabase.options())).close();

  /** Every table outside the system schemas, and how many migrations each journal records. */
  const state = () =>
    withClient(async (client) => {
      const tables = await client.query<{ name: string }>(
        `select table_schema || '.' || table_name as name from information_schema.tables
          where table_schema not in ('pg_catalog', 'information_schema') order by 1`,
      );
      const count = async (journal: string) =>
        Number((await client.query<{ n: string }>(`select count(*) as n from ${journal}`)).rows[0].n);
      return {
        tables: tables.rows.map((row) => row.name),
        orderServiceMigrations: await count('drizzle.__drizzle_migrations'),
        inventoryMigrations: await count('inventory.__drizzle_migrations'),
      };
    });

  const bothApplied = {
    tables: [
      'drizzle.__drizzle_migrations',
      'inventory.__drizzle_migrations',
      'inventory.reservations',
      'inventory.stock',
      'public.orders',
      'public.outbox',
      'public.users',
    ],
    orderServiceMigrations: journalLength(ORDER_SERVICE_MIGRATIONS),
    inventoryMigrations: journalLength(MIGRATIONS_FOLDER),
  };

  it('applies both services’ migrations when the Order Service migrates first', async () => {
    await migrateOrderService();
    await migrateInventory();
    expect(await state()).toEqual(bothApplied);
  });

  it('applies both services’ migrations when the Inventory Service migrates first', async () => {
    await migrateInventory();
    await migrateOrderService();
    expect(await state()).toEqual(bothApplied);
  });

  it('applies nothing twice when both start again', async () => {
    await migrateInventory();
    await migrateOrderService();
    await migrateInventory();
    await migrateOrderService();
    expect(await state()).toEqual(bothApplied);
  });
});
