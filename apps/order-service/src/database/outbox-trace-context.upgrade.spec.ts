import { rm } from 'node:fs/promises';
import { migrationsUntil } from '../testing/migrations-until';
import { withRawSql, type RawSql } from '../testing/raw-sql';
import { TEST_BACKENDS, type TestDatabase } from '../testing/test-databases';

const OUTBOX = `SELECT id::int, pattern, payload, sent_at IS NOT NULL AS sent, withheld_reason, trace_context FROM outbox ORDER BY id`;
const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe.each(TEST_BACKENDS)('upgrading a $name database to 0004_outbox_trace_context', (backend) => {
  let before: string;
  let testDatabase: TestDatabase;

  beforeAll(async () => {
    before = await migrationsUntil('0003_backordered_orders');
    // On disk: PGlite keeps an in-memory database only while the instance that made it is open.
    testDatabase = await backend.create({ onDisk: true });
  });

  afterAll(async () => {
    await testDatabase?.drop();
    await rm(before, { recursive: true, force: true });
  });

  /** Opens the database — migrated up to `migrationsFolder`, or to the latest — for plain SQL, and closes it. */
  const withSql = <T>(migrationsFolder: string | undefined, work: (db: RawSql) => Promise<T>) => withRawSql(testDatabase, migrationsFolder, work);

  it('keeps every existing outbox row as it was, with no trace context', async () => {
    await withSql(before, async (db) => {
      await db.query(`INSERT INTO outbox (pattern, payload, sent_at) VALUES ('orders.placed', '{"order_id":"ord001"}', now())`);
      await db.query(`INSERT INTO outbox (pattern, payload) VALUES ('orders.placed', '{"order_id":"ord002"}')`);
      await db.query(`INSERT INTO outbox (pattern, payload, withheld_at, withheld_reason) VALUES ('orders.placed', '{"order_id":"ord003"}', now(), 'HOLD_EXPIRED')`);
    });

    await withSql(undefined, async (db) => {
      expect(await db.query(OUTBOX)).toEqual([
        { id: 1, pattern: 'orders.placed', payload: { order_id: 'ord001' }, sent: true, withheld_reason: null, trace_context: null },
        { id: 2, pattern: 'orders.placed', payload: { order_id: 'ord002' }, sent: false, withheld_reason: null, trace_context: null },
        { id: 3, pattern: 'orders.placed', payload: { order_id: 'ord003' }, sent: false, withheld_reason: 'HOLD_EXPIRED', trace_context: null },
      ]);
    });
  });

  it('then takes a row with its trace context, and one with its tracestate too', async () => {
    await withSql(undefined, async (db) => {
      await db.query(`INSERT INTO outbox (pattern, payload, trace_context) VALUES ('orders.placed', '{}', $1::jsonb)`, [JSON.stringify({ traceparent: TRACEPARENT })]);
      const withState = { traceparent: TRACEPARENT, tracestate: 'vendor=opaque' };
      await db.query(`INSERT INTO outbox (pattern, payload, trace_context) VALUES ('orders.placed', '{}', $1::jsonb)`, [JSON.stringify(withState)]);
      expect(await db.query(`SELECT trace_context FROM outbox WHERE trace_context IS NOT NULL ORDER BY id`)).toEqual([
        { trace_context: { traceparent: TRACEPARENT } },
        { trace_context: withState },
      ]);
    });
  });
});
