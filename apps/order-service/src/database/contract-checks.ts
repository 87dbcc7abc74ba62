import {
  CONTROL_CHARACTER_CLASS,
  DOT_SEGMENTS,
  IDEMPOTENCY_KEY_CHARACTER_CLASS,
  MAX_IDEMPOTENCY_KEY_LENGTH,
} from '@boundary/http-conventions';
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { RESERVATION_ID_PATTERN } from '@boundary/inventory-contract';

// CHECK constraints are DDL: drizzle-kit writes them into the migration as text, so values are SQL literals, not
// bound parameters. Columns are named bare ("item", not "orders"."item") so the migration reads as written by hand.
const column = (target: AnyPgColumn): SQL => sql`${sql.identifier(target.name)}`;
const text = (value: string): SQL => sql.raw(`'${value.replaceAll("'", "''")}'`);
const integer = (value: number): SQL => sql.raw(String(Math.trunc(value)));

/**
 * The contract's text rule as SQL: 1–`maxLength` characters — `char_length` counts Unicode code points, as the
 * contract's `codePointLength` does — and no control character (the contract's `CONTROL_CHARACTER_CLASS`, which
 * PostgreSQL's regular expressions read as JavaScript does).
 */
export function isContractText(target: AnyPgColumn, maxLength: number): SQL {
  const name = column(target);
  return sql`char_length(${name}) BETWEEN 1 AND ${integer(maxLength)} AND ${name} !~ ${text(CONTROL_CHARACTER_CLASS)}`;
}

/** The contract's id rule (`identifierSchema`) as SQL: contract text of at most `maxLength`, not `.` or `..`. */
export function isContractIdentifier(target: AnyPgColumn, maxLength: number): SQL {
  const dotSegments = sql.join(DOT_SEGMENTS.map(text), sql`, `);
  return sql`${isContractText(target, maxLength)} AND ${column(target)} NOT IN (${dotSegments})`;
}

/** The contract's `IdempotencyKeySchema` as SQL: 1–255 printable ASCII characters without spaces. */
export function isContractIdempotencyKey(target: AnyPgColumn): SQL {
  const name = column(target);
  const pattern = text(`^${IDEMPOTENCY_KEY_CHARACTER_CLASS}+$`);
  return sql`char_length(${name}) BETWEEN 1 AND ${integer(MAX_IDEMPOTENCY_KEY_LENGTH)} AND ${name} ~ ${pattern}`;
}

/** The inventory contract's `ReservationIdSchema` as SQL: `res_` and a lower-case UUID. */
export function isReservationId(target: AnyPgColumn): SQL {
  return sql`${column(target)} ~ ${text(RESERVATION_ID_PATTERN)}`;
}

/** One of `values` (an enumeration the contract defines, such as an order's status). */
export function isOneOf(target: AnyPgColumn, values: readonly string[]): SQL {
  return sql`${column(target)} IN (${sql.join(values.map(text), sql`, `)})`;
}

/**
 * NULL, or the W3C trace context as an object of headers: a `traceparent` matching `traceparentPattern`, a string
 * `tracestate` of at most `maxTracestateLength` characters when there is one, and nothing else.
 */
export function isW3cTraceContext(target: AnyPgColumn, traceparentPattern: string, maxTracestateLength: number): SQL {
  const name = column(target);
  // A missing header reads as JSON null or "" (never as SQL NULL, which would let the row through).
  const traceparent = sql`coalesce(${name}->'traceparent', 'null'::jsonb)`;
  const tracestate = sql`coalesce(${name}->'tracestate', '""'::jsonb)`;
  return sql`${name} IS NULL OR (jsonb_typeof(${name}) = 'object' AND ${name} - 'traceparent' - 'tracestate' = '{}'::jsonb AND jsonb_typeof(${traceparent}) = 'string' AND ${name}->>'traceparent' ~ ${text(traceparentPattern)} AND jsonb_typeof(${tracestate}) = 'string' AND char_length(${tracestate} #>> '{}') <= ${integer(maxTracestateLength)})`;
}
