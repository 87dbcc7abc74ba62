import { CONTROL_CHARACTER_CLASS } from '@boundary/http-conventions';
import {
  CreateOrderRequestSchema,
  IDEMPOTENCY_KEY_CHARACTER_CLASS,
  IdempotencyKeySchema,
  MAX_IDEMPOTENCY_KEY_LENGTH,
  MAX_ITEM_LENGTH,
  MAX_ORDER_ID_LENGTH,
  MAX_USER_ID_LENGTH,
  OrderIdSchema,
  UserIdSchema,
} from '@boundary/order-contract';
import { getTableConfig, PgDialect } from 'drizzle-orm/pg-core';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { scratchRawSql, type RawSql } from '../testing/raw-sql';
import { MIGRATIONS_FOLDER, OFF_CONTRACT_ROWS_SQL, TEST_BACKENDS } from '../testing/test-databases';
import { orderServiceSchema, outbox } from './order-service.schema';

const render = new PgDialect();
const SCHEMA_CHECKS = Object.values(orderServiceSchema)
  .flatMap((table) => getTableConfig(table).checks)
  .map((check) => ({ name: check.name, condition: render.sqlToQuery(check.value).sql }));
// Checks no existing row can break: the first migration's (PostgreSQL has enforced it from the start) and those
// created with their column or table (NULL on older orders; a new table is empty; an existing order becomes 'placed'
// with no backorder time, which 0003's checks accept).
const ENFORCED_FROM_THE_START = new Set([
  'orders_quantity_positive',
  'orders_reservation_id_valid',
  'orders_status_known',
  'orders_backordered_at_iff_backordered',
  ...getTableConfig(outbox).checks.map((check) => check.name),
]);
const UPGRADE_CHECKS = SCHEMA_CHECKS.filter((check) => !ENFORCED_FROM_THE_START.has(check.name));

describe('the CHECK constraints of the schema', () => {
  it.each(SCHEMA_CHECKS)('$name is in a migration exactly as the schema declares it', async ({ name, condition }) => {
    const files = (await readdir(MIGRATIONS_FOLDER)).filter((file) => file.endsWith('.sql'));
    const migrations = await Promise.all(files.map((file) => readFile(join(MIGRATIONS_FOLDER, file), 'utf8')));
    expect(migrations.join('\n')).toContain(`CONSTRAINT "${name}" CHECK (${condition})`);
  });

  it.each(UPGRADE_CHECKS)('$name has its own condition in the off-contract finder', async ({ name, condition }) => {
    const finder = await readFile(OFF_CONTRACT_ROWS_SQL, 'utf8');
    const select = finder.split('UNION ALL').find((part) => part.includes(`'${name}'`));
    expect(select).toContain(`WHERE NOT (${condition})`);
  });
});

// The code points of both character classes, their neighbours, and the kinds of character that are easy to get wrong.
const EDGE_CODE_POINTS = [
  ...range(0x01, 0x22),
  ...range(0x7d, 0xa1),
  0xad, // soft hyphen, a format character: allowed
  0x200b, 0x2028, 0xfeff, 0xfffd, 0xffff, // zero-width space, line separator, BOM, replacement, non-character
  0x10000, 0x1f600, 0x10ffff, // astral: two UTF-16 units each
];

/** A text column, what the contract says of its values, and a plain INSERT of one value that answers "stored?". */
interface ContractColumn {
  name: string;
  maxLength: number;
  zodAccepts(text: string): boolean;
  insert(db: RawSql, text: string): Promise<boolean>;
}

const COLUMNS: ContractColumn[] = [
  {
    name: 'users.id',
    maxLength: MAX_USER_ID_LENGTH,
    zodAccepts: (text) => UserIdSchema.safeParse(text).success,
    insert: (db, id) => stored(db, `INSERT INTO users (id) VALUES ($1)`, [id]),
  },
  {
    name: 'orders.id',
    maxLength: MAX_ORDER_ID_LENGTH,
    zodAccepts: (text) => OrderIdSchema.safeParse(text).success,
    insert: (db, id) => insertOrder(db, { id }),
  },
  {
    name: 'orders.user_id',
    maxLength: MAX_USER_ID_LENGTH,
    zodAccepts: (text) => UserIdSchema.safeParse(text).success,
    // A user the database does not know: PostgreSQL checks the CHECK before the foreign key, so a refused foreign
    // key means the CHECK let the value through.
    insert: (db, userId) => stored(db, ORDER_INSERT, [nextOrderId(), userId, 'Laptop', null], { '23503': true }),
  },
  {
    name: 'orders.item',
    maxLength: MAX_ITEM_LENGTH,
    zodAccepts: (text) => CreateOrderRequestSchema.shape.item.safeParse(text).success,
    insert: (db, item) => insertOrder(db, { item }),
  },
  {
    name: 'orders.idempotency_key',
    maxLength: MAX_IDEMPOTENCY_KEY_LENGTH,
    zodAccepts: (text) => IdempotencyKeySchema.safeParse(text).success,
    insert: (db, key) => insertOrder(db, { idempotencyKey: key }),
  },
];

// U+1F600: one code point, two UTF-16 units.
const ASTRAL = '😀';

describe.each(TEST_BACKENDS)('the contract and the CHECK constraints on $name', (backend) => {
  const scratch = scratchRawSql(backend, `INSERT INTO users (id) VALUES ('owner')`);
  const sql = () => scratch.sql();

  beforeAll(() => scratch.open());
  afterAll(() => scratch.close());

  it.each([
    ['CONTROL_CHARACTER_CLASS', CONTROL_CHARACTER_CLASS],
    ['the idempotency key pattern', `^${IDEMPOTENCY_KEY_CHARACTER_CLASS}+$`],
  ])('reads %s as JavaScript does, at every code point', async (_name, pattern) => {
    // chr() refuses the surrogates U+D800–U+DFFF (no characters in UTF-8) and U+0000 (PostgreSQL stores no NUL).
    const [{ matching }] = await sql().query<{ matching: number[] }>(
      `SELECT coalesce(array_agg(cp ORDER BY cp), '{}') AS matching FROM generate_series(1, 1114111) AS cp
       WHERE cp NOT BETWEEN 55296 AND 57343 AND chr(cp) ~ $1`,
      [pattern],
    );
    const javascript = new RegExp(pattern, 'u');
    const expected = range(1, 0x110000).filter(
      (cp) => (cp < 0xd800 || cp > 0xdfff) && javascript.test(String.fromCodePoint(cp)),
    );
    expect(matching).toEqual(expected);
  });

  it.each(COLUMNS)('stores into $name exactly what zod accepts, character by character', async (column) => {
    const disagreements: string[] = [];
    for (const cp of EDGE_CODE_POINTS) {
      const text = `x${String.fromCodePoint(cp)}`;
      const stored = await column.insert(sql(), text);
      const codePoint = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
      if (stored !== column.zodAccepts(text)) disagreements.push(`${codePoint} stored: ${stored}`);
    }
    expect(disagreements).toEqual([]);
  });

  it.each(COLUMNS)('counts $name in code points, as zod does, up to $maxLength', async (column) => {
    const printable = column.zodAccepts(ASTRAL) ? ASTRAL : 'k'; // idempotency keys are ASCII
    for (const [text, accepted] of [
      [printable.repeat(column.maxLength), true],
      [printable.repeat(column.maxLength + 1), false],
      ['', false],
    ] as const) {
      expect(column.zodAccepts(text)).toBe(accepted);
      expect(await column.insert(sql(), text)).toBe(accepted);
    }
  });

  it('stores no astral character in an idempotency key, as zod takes none', async () => {
    expect(IdempotencyKeySchema.safeParse(ASTRAL).success).toBe(false);
    expect(await insertOrder(sql(), { idempotencyKey: ASTRAL })).toBe(false);
  });
});

const ORDER_INSERT = `INSERT INTO orders (id, user_id, item, quantity, idempotency_key) VALUES ($1, $2, $3, 1, $4)`;
let ordersWritten = 0;
const nextOrderId = () => `order-${++ordersWritten}`;

function insertOrder(db: RawSql, values: { id?: string; item?: string; idempotencyKey?: string }): Promise<boolean> {
  const { id = nextOrderId(), item = 'Laptop', idempotencyKey = null } = values;
  return stored(db, ORDER_INSERT, [id, 'owner', item, idempotencyKey]);
}

/**
 * Whether PostgreSQL stored the row: a CHECK violation answers `false`, codes in `alsoStored` `true`, and any other
 * error fails the test.
 */
async function stored(db: RawSql, text: string, params: unknown[], alsoStored: Record<string, true> = {}) {
  try {
    await db.query(text, params);
    return true;
  } catch (error) {
    const code = String((error as { code?: unknown }).code);
    if (code === '23514') return false;
    if (alsoStored[code]) return true;
    throw error;
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, index) => from + index);
}

