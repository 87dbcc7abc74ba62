import { scratchRawSql } from '../testing/raw-sql';
import { TEST_BACKENDS } from '../testing/test-databases';

// One astral character: one code point, two UTF-16 units.
const ASTRAL = '😀';

const newUser = (id: string) => ['INSERT INTO users (id) VALUES ($1)', [id]] as const;
const newOrder = (row: { id?: string; userId?: string; item?: string; idempotencyKey?: string }) =>
  [
    'INSERT INTO orders (id, user_id, item, quantity, idempotency_key) VALUES ($1, $2, $3, 1, $4)',
    [row.id ?? 'order-new', row.userId ?? 'owner', row.item ?? 'Laptop', row.idempotencyKey ?? null],
  ] as const;
const newEvent = (row: { pattern?: string; payload?: string; createdAt?: string; sentAt?: string }) =>
  [
    'INSERT INTO outbox (pattern, payload, created_at, sent_at) VALUES ($1, $2::jsonb, coalesce($3::timestamptz, now()), $4)',
    [row.pattern ?? 'orders.placed', row.payload ?? '{}', row.createdAt ?? null, row.sentAt ?? null],
  ] as const;
/** An outbox row written withheld (`at`: its `withheld_at`, `null` for none; `sentAt`: `now()` for a sent one). */
const withheld = ({ at = 'now()', reason = 'HOLD_EXPIRED', sentAt = null }: { at?: string | null; reason?: string | null; sentAt?: string | null }) =>
  [
    `INSERT INTO outbox (pattern, payload, sent_at, withheld_at, withheld_reason)
       VALUES ('orders.placed', '{}', CASE WHEN $1::text = 'now()' THEN now() END,
               CASE WHEN $2::text = 'now()' THEN now() ELSE $2::timestamptz END, $3)`,
    [sentAt, at, reason],
  ] as const;
/** An outbox row keeping `traceContext` (JSON) as the trace context of the request that wrote it. */
const traced = (traceContext: string) =>
  [`INSERT INTO outbox (pattern, payload, trace_context) VALUES ('orders.placed', '{}', $1::jsonb)`, [traceContext]] as const;
const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const TRACE_CONSTRAINT = 'outbox_trace_context_w3c';
const changedOrder = (column: 'id' | 'user_id' | 'item' | 'idempotency_key', value: string) =>
  [`UPDATE orders SET ${column} = $1 WHERE id = 'order-kept'`, [value]] as const;

const KEY_CONSTRAINT = 'orders_idempotency_key_valid';

/** Each kind of row the contract forbids, as plain SQL would write it, and the constraint that refuses it. */
const OFF_CONTRACT_ROWS = [
  ['a user with an empty id', 'users_id_valid', newUser('')],
  ['a user id of 129 characters', 'users_id_valid', newUser(ASTRAL.repeat(129))],
  ['a user id with a newline', 'users_id_valid', newUser('user\n123')],
  ['a user id with DEL', 'users_id_valid', newUser('user\u007f')],
  ['a user id with a C1 control (U+0085)', 'users_id_valid', newUser('user\u0085')],
  ['the user id "."', 'users_id_valid', newUser('.')],
  ['the user id ".."', 'users_id_valid', newUser('..')],
  ['a user id changed to ".."', 'users_id_valid', ["UPDATE users SET id = '..' WHERE id = 'bystander'", []]],
  ['an order with an empty id', 'orders_id_valid', newOrder({ id: '' })],
  ['an order id of 129 characters', 'orders_id_valid', newOrder({ id: 'o'.repeat(129) })],
  ['an order id with a tab', 'orders_id_valid', newOrder({ id: 'ord\t1' })],
  ['the order id "."', 'orders_id_valid', newOrder({ id: '.' })],
  ['the order id ".."', 'orders_id_valid', newOrder({ id: '..' })],
  ['an order id changed to one with a C1 control', 'orders_id_valid', changedOrder('id', 'ord\u009f')],
  ['an order of an empty user id', 'orders_user_id_valid', newOrder({ userId: '' })],
  ['an order of a user id of 129 characters', 'orders_user_id_valid', newOrder({ userId: 'u'.repeat(129) })],
  ['an order of a user id with a carriage return', 'orders_user_id_valid', newOrder({ userId: 'owner\r' })],
  ['an order of the user ".."', 'orders_user_id_valid', newOrder({ userId: '..' })],
  ['an order moved to the user "."', 'orders_user_id_valid', changedOrder('user_id', '.')],
  ['an empty item', 'orders_item_valid', newOrder({ item: '' })],
  ['an item of 201 characters', 'orders_item_valid', newOrder({ item: ASTRAL.repeat(201) })],
  ['an item with a newline', 'orders_item_valid', newOrder({ item: 'Lap\ntop' })],
  ['an item with an escape character', 'orders_item_valid', newOrder({ item: '\u001b[31mLaptop' })],
  ['an item changed to one with a C1 control', 'orders_item_valid', changedOrder('item', 'Laptop\u0080')],
  ['an empty idempotency key', KEY_CONSTRAINT, newOrder({ idempotencyKey: '' })],
  ['an idempotency key of 256 characters', KEY_CONSTRAINT, newOrder({ idempotencyKey: 'k'.repeat(256) })],
  ['an idempotency key with a space', KEY_CONSTRAINT, newOrder({ idempotencyKey: 'key 1' })],
  ['an idempotency key with a non-ASCII letter', KEY_CONSTRAINT, newOrder({ idempotencyKey: 'clé' })],
  ['an idempotency key with an astral character', KEY_CONSTRAINT, newOrder({ idempotencyKey: ASTRAL })],
  ['an idempotency key with DEL', KEY_CONSTRAINT, newOrder({ idempotencyKey: 'key\u007f' })],
  ['an idempotency key changed to one with a tab', KEY_CONSTRAINT, changedOrder('idempotency_key', 'key\t1')],
  ['an order with a reservation id that is not res_ and a UUID', 'orders_reservation_id_valid', [
    `UPDATE orders SET reservation_id = 'res_1' WHERE id = 'order-kept'`, []]],
  ['an outbox row with an empty pattern', 'outbox_pattern_valid', newEvent({ pattern: '' })],
  ['an outbox row with a pattern with a newline', 'outbox_pattern_valid', newEvent({ pattern: 'orders.\nplaced' })],
  ['an outbox row whose payload is not an object', 'outbox_payload_object', newEvent({ payload: '[1]' })],
  ['an outbox row sent before it was written', 'outbox_sent_after_created', newEvent({ sentAt: '2000-01-01T00:00:00Z' })],
  ['an outbox row written at infinity', 'outbox_created_at_finite', newEvent({ createdAt: 'infinity' })],
  ['an order of an unknown status', 'orders_status_known', [`UPDATE orders SET status = 'lost' WHERE id = 'order-kept'`, []]],
  ['a backordered order without its time', 'orders_backordered_at_iff_backordered', [
    `UPDATE orders SET status = 'backordered' WHERE id = 'order-kept'`, []]],
  ['a placed order with a backorder time', 'orders_backordered_at_iff_backordered', [
    `UPDATE orders SET backordered_at = now() WHERE id = 'order-kept'`, []]],
  ['an outbox row withheld without a reason', 'outbox_withheld_with_reason', withheld({ reason: null })],
  ['an outbox row with a reason but not withheld', 'outbox_withheld_with_reason', withheld({ at: null })],
  ['an outbox row withheld with an empty reason', 'outbox_withheld_reason_valid', withheld({ reason: '' })],
  ['an outbox row withheld with a reason of 501 characters', 'outbox_withheld_reason_valid', withheld({ reason: 'r'.repeat(501) })],
  ['an outbox row withheld with a reason with a newline', 'outbox_withheld_reason_valid', withheld({ reason: 'HOLD\nEXPIRED' })],
  ['an outbox row withheld before it was written', 'outbox_withheld_after_created', withheld({ at: '2000-01-01T00:00:00Z' })],
  ['an outbox row both sent and withheld', 'outbox_sent_or_withheld', withheld({ sentAt: 'now()' })],
  ['a trace context that is not an object', TRACE_CONSTRAINT, traced(JSON.stringify([TRACEPARENT]))],
  ['a trace context without a traceparent', TRACE_CONSTRAINT, traced(JSON.stringify({ tracestate: 'vendor=opaque' }))],
  ['a trace context whose traceparent is not W3C version 00', TRACE_CONSTRAINT, traced(JSON.stringify({ traceparent: TRACEPARENT.toUpperCase() }))],
  ['a trace context whose traceparent is not a string', TRACE_CONSTRAINT, traced(JSON.stringify({ traceparent: 1 }))],
  ['a trace context whose tracestate is not a string', TRACE_CONSTRAINT, traced(JSON.stringify({ traceparent: TRACEPARENT, tracestate: ['a=b'] }))],
  ['a trace context with a tracestate of 513 characters', TRACE_CONSTRAINT, traced(JSON.stringify({ traceparent: TRACEPARENT, tracestate: `a=${'b'.repeat(511)}` }))],
  ['a trace context with a header besides traceparent and tracestate', TRACE_CONSTRAINT, traced(JSON.stringify({ traceparent: TRACEPARENT, baggage: 'user=1' }))],
] as const;

describe.each(TEST_BACKENDS)('plain SQL writing off-contract rows on $name', (backend) => {
  const scratch = scratchRawSql(
    backend,
    `INSERT INTO users (id) VALUES ('owner'), ('bystander')`,
    `INSERT INTO orders (id, user_id, item, quantity) VALUES ('order-kept', 'owner', 'Laptop', 1)`,
  );
  const sql = () => scratch.sql();

  beforeAll(() => scratch.open());
  afterAll(() => scratch.close());

  it.each(OFF_CONTRACT_ROWS)('refuses %s, naming %s', async (_kind, constraint, [statement, params]) => {
    await expect(sql().query(statement, [...params])).rejects.toMatchObject({
      code: '23514',
      constraint,
      message: expect.stringContaining(`violates check constraint "${constraint}"`),
    });
  });

  it('leaves the rows it refused to change as they were', async () => {
    expect(await sql().query(`SELECT id, user_id, item, idempotency_key FROM orders`)).toEqual([
      { id: 'order-kept', user_id: 'owner', item: 'Laptop', idempotency_key: null },
    ]);
    expect(await sql().query(`SELECT id FROM users ORDER BY id`)).toEqual([{ id: 'bystander' }, { id: 'owner' }]);
    expect(await sql().query(`SELECT reservation_id, status, backordered_at FROM orders`)).toEqual([
      { reservation_id: null, status: 'placed', backordered_at: null },
    ]);
    expect(await sql().query(`SELECT count(*)::int AS rows FROM outbox`)).toEqual([{ rows: 0 }]);
  });
});
