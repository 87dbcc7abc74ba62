import { readFile, rm } from 'node:fs/promises';
import { migrationsUntil } from '../testing/migrations-until';
import { withRawSql, type RawSql } from '../testing/raw-sql';
import { OFF_CONTRACT_ROWS_SQL, TEST_BACKENDS, type TestDatabase } from '../testing/test-databases';
import { MigrationFailedError } from './migration-failed.error';
import { orderServiceSchema } from './order-service.schema';
import { getTableConfig } from 'drizzle-orm/pg-core';

const ASTRAL = '😀';
const ALL_ROWS = `SELECT 'users' AS "table", id, NULL AS user_id, NULL AS item, NULL AS idempotency_key FROM users
  UNION ALL SELECT 'orders', id, user_id, item, idempotency_key FROM orders ORDER BY 1, 2`;
const CONTRACT_CHECKS = `SELECT conname FROM pg_constraint WHERE contype = 'c' AND conname LIKE '%\\_valid'`;
/** Every contract check the schema declares (0001's five, and those of later migrations): all in place once upgraded. */
const CONTRACT_CHECK_COUNT = Object.values(orderServiceSchema)
  .flatMap((table) => getTableConfig(table).checks)
  .filter((check) => check.name.endsWith('_valid')).length;

describe.each(TEST_BACKENDS)('upgrading a $name database to 0001_contract_checks', (backend) => {
  let before: string;
  let testDatabase: TestDatabase;

  beforeAll(async () => {
    before = await migrationsUntil('0000_init');
  });

  beforeEach(async () => {
    // On disk: PGlite keeps an in-memory database only while the instance that made it is open.
    testDatabase = await backend.create({ onDisk: true });
  });

  afterEach(() => testDatabase.drop());
  afterAll(() => rm(before, { recursive: true, force: true }));

  /** Opens the database — migrated up to `migrationsFolder` — for plain SQL, and closes it afterwards. */
  const withSql = <T>(migrationsFolder: string | undefined, work: (db: RawSql) => Promise<T>) => withRawSql(testDatabase, migrationsFolder, work);
  /** As deployed before the constraints: at 0000_init, the database holds what plain SQL wrote. */
  const deployedBefore = <T>(work: (db: RawSql) => Promise<T>) => withSql(before, work);
  const upgraded = <T>(work: (db: RawSql) => Promise<T>) => withSql(undefined, work);

  it('keeps every row that keeps the contract, at its limits and with astral characters', async () => {
    const rows = await deployedBefore(async (db) => {
      await db.query(`INSERT INTO users (id) VALUES ('user123'), ($1), ('a/b?c'), ('...')`, [ASTRAL.repeat(128)]);
      await db.query(
        `INSERT INTO orders (id, user_id, item, quantity, idempotency_key) VALUES
           ('ord001', 'user123', 'Laptop', 1, NULL),
           ($1, $2, $3, 2, $4),
           ('a..b', '...', 'Ünïcødé 👍🏽', 3, '!~')`,
        [ASTRAL.repeat(128), ASTRAL.repeat(128), ASTRAL.repeat(200), 'k'.repeat(255)],
      );
      return db.query(ALL_ROWS);
    });

    await upgraded(async (db) => {
      expect(await db.query(CONTRACT_CHECKS)).toHaveLength(CONTRACT_CHECK_COUNT);
      expect(await db.query(ALL_ROWS)).toEqual(rows);
    });
  });

  it('refuses while a row breaks the contract: the error names the constraint, and nothing changes', async () => {
    const rows = await deployedBefore(async (db) => {
      await db.query(`INSERT INTO users (id) VALUES ('user123')`);
      await db.query(`INSERT INTO orders (id, user_id, item, quantity) VALUES ('ord001', 'user123', 'Laptop', 1)`);
      await db.query(`INSERT INTO orders (id, user_id, item, quantity) VALUES ('ord002', 'user123', 'Lap\ntop', 1)`);
      return db.query(ALL_ROWS);
    });

    const failure = upgraded(async () => undefined);
    await expect(failure).rejects.toBeInstanceOf(MigrationFailedError);
    await expect(failure).rejects.toMatchObject({
      constraint: 'orders_item_valid',
      message: expect.stringMatching(/^No migration was applied: .*"orders_item_valid".*off-contract-rows\.sql/),
    });

    // What the README tells an operator to do: list the rows, fix or delete them, start again.
    await deployedBefore(async (db) => {
      expect(await db.query(CONTRACT_CHECKS)).toEqual([]);
      expect(await db.query(ALL_ROWS)).toEqual(rows);
      expect(await db.query(await readFile(OFF_CONTRACT_ROWS_SQL, 'utf8'))).toEqual([
        { constraint: 'orders_item_valid', table: 'orders', id: '"ord002"', value: '"Lap\\ntop"' },
      ]);
      await db.query(`UPDATE orders SET item = 'Laptop' WHERE id = 'ord002'`);
    });
    await upgraded(async (db) => expect(await db.query(CONTRACT_CHECKS)).toHaveLength(CONTRACT_CHECK_COUNT));
  });

  it('lists, through off-contract-rows.sql, the rows breaking each constraint', async () => {
    const offContract = await deployedBefore(async (db) => {
      await db.query(`INSERT INTO users (id) VALUES ('..')`);
      await db.query(
        `INSERT INTO orders (id, user_id, item, quantity, idempotency_key) VALUES ('.', '..', '', 1, ' ')`,
      );
      return db.query(await readFile(OFF_CONTRACT_ROWS_SQL, 'utf8'));
    });

    expect(offContract).toEqual([
      { constraint: 'orders_id_valid', table: 'orders', id: '"."', value: '"."' },
      { constraint: 'orders_idempotency_key_valid', table: 'orders', id: '"."', value: '" "' },
      { constraint: 'orders_item_valid', table: 'orders', id: '"."', value: '""' },
      { constraint: 'orders_user_id_valid', table: 'orders', id: '"."', value: '".."' },
      { constraint: 'users_id_valid', table: 'users', id: '".."', value: '".."' },
    ]);
  });
});
