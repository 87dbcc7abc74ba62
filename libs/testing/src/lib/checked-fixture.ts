import type { z } from 'zod';

/**
 * A double was configured with data the real provider could never send. Thrown at setup, so the test fails where
 * the bad fixture is written, not later as a puzzling client error. The message names the field.
 */
export class OffContractFixtureError extends Error {
  constructor(
    readonly field: string,
    problem: string,
    names: FixtureNames = { what: 'value' },
  ) {
    super(`off-contract ${names.what} fixture: ${field}: ${problem}${names.schemaName ? ` (see ${names.schemaName})` : ''}`);
    this.name = 'OffContractFixtureError';
  }
}

/** How a checked fixture names itself in an `OffContractFixtureError`. */
export interface FixtureNames {
  /** What the fixture is, e.g. `order`: "off-contract order fixture: …". */
  readonly what: string;
  /** The field named when the value as a whole is wrong (e.g. `orders` for a list); by default `what`. */
  readonly whole?: string;
  /** Where the schema lives, e.g. `OrderSchema in @boundary/order-contract`. */
  readonly schemaName?: string;
}

/**
 * `value` parsed by `schema` (unknown fields stripped, as a client parsing the answer would). Throws
 * `OffContractFixtureError` naming the first offending field (e.g. `0.quantity`), or `names.whole` when the value
 * as a whole is wrong.
 */
export function checkedFixture<S extends z.ZodType>(schema: S, value: unknown, names: FixtureNames = { what: 'value' }): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.path.length > 0 ? issue.path.join('.') : (names.whole ?? names.what);
  throw new OffContractFixtureError(field, issue.message, names);
}
