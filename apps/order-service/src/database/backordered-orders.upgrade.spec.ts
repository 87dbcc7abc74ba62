import { rm } from 'node:fs/promises';
import { migrationsUntil } from '../testing/migrations-until';
import { withRawSql, type RawSql } from '../testing/raw-sql';
import { TEST_BACKENDS, type TestDatabase } from '../testing/test-databases';

const RESERVATION = 'res_0b5c1a52-4a4e-4f6e-9d0c-3f1b7c2d9e01';
const ORDERS = `SELECT id, reservation_id, status, backordered_at FROM orders ORDER BY id`;
const OUTBOX = `SELECT id::int, pattern, sent_at IS NOT NULL AS sent, withheld_at, withheld_reason FROM outbox ORDER BY id`;

describe.each(TEST_BACKENDS)('upgrading a $name database to 0003_backordered_orders', (backend) => {
  let before: string;
  let testDatabase: TestDatabase;

  beforeAll(async () => {
    before = await migrationsUntil('0002_reservation_and_outbox');
    // On disk: PGlite keeps an in-memory database only while the instance that made it is open.
    testDatabase = await backend.create({ onDisk: true });
  });

  afterAll(async () => {
    await testDatabase?.drop();
    await rm(before, { recursive: true, force: true });
  });

  /** Opens the database — migrated up to `migrationsFolder`, or to the latest — for plain SQL, and closes it. */
  const withSql = <T>(migrationsFolder: string | undefined, work: (db: RawSql) => Promise<T>) => withRawSql(testDatabase, migrationsFolder, work);

  it('backfills every existing order as placed and leaves every outbox row to publish as it was', async () => {
    await withSql(before, async (db) => {
      await db.query(`INSERT INTO users (id) VALUES ('user123')`);
      await db.query(
        `INSERT INTO orders (id, user_id, item, quantity, reservation_id) VALUES ('ord001', 'user123', 'Laptop', 1, NULL), ('ord002', 'user123', 'Mouse', 2, $1)`,
        [RESERVATION],
      );
      await db.query(`INSERT INTO outbox (pattern, payload, sent_at) VALUES ('orders.placed', '{"order_id":"ord001"}', now())`);
      await db.query(`INSERT INTO outbox (pattern, payload) VALUES ('orders.placed', '{"order_id":"ord002"}')`);
    });

    await withSql(undefined, async (db) => {
      expect(await db.query(ORDERS)).toEqual([
        { id: 'ord001', reservation_id: null, status: 'placed', backordered_at: null },
        { id: 'ord002', reservation_id: RESERVATION, status: 'placed', backordered_at: null },
      ]);
      expect(await db.query(OUTBOX)).toEqual([
        { id: 1, pattern: 'orders.placed', sent: true, withheld_at: null, withheld_reason: null },
        { id: 2, pattern: 'orders.placed', sent: false, withheld_at: null, withheld_reason: null },
      ]);
    });
  });

  it('then takes a backordered order with its time and a withheld row with its reason', async () => {
    await withSql(undefined, async (db) => {
      await db.query(`UPDATE orders SET status = 'backordered', backordered_at = now() WHERE id = 'ord002'`);
      await db.query(`UPDATE outbox SET withheld_at = now(), withheld_reason = 'HOLD_EXPIRED' WHERE id = 2`);
      expect(await db.query(`SELECT status FROM orders WHERE id = 'ord002'`)).toEqual([{ status: 'backordered' }]);
      expect(await db.query(`SELECT withheld_reason FROM outbox WHERE withheld_at IS NOT NULL`)).toEqual([{ withheld_reason: 'HOLD_EXPIRED' }]);
    });
  });
});
