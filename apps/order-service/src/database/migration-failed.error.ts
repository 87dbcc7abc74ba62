/**
 * Pending migrations could not be applied. They run in one transaction, so none was and the database is as it was.
 * `constraint` names the CHECK constraint that existing rows break, when that is why (README: "Upgrading a database
 * that holds off-contract rows").
 */
export class MigrationFailedError extends Error {
  readonly code = 'MIGRATION_FAILED';

  constructor(
    message: string,
    /** The constraint existing rows violate, e.g. `orders_item_valid`. */
    readonly constraint: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'MigrationFailedError';
  }
}

const CHECK_VIOLATION = '23514';

/** Wraps what the migrator threw (Drizzle's "Failed query: …", the driver's error as `cause`) with the reason first. */
export function migrationFailed(error: unknown): MigrationFailedError {
  const reason = driverError(error);
  const constraint = reason.code === CHECK_VIOLATION ? reason.constraint : undefined;
  const hint = constraint
    ? ` Existing rows break ${constraint}: apps/order-service/sql/off-contract-rows.sql lists them; fix or delete` +
      ' them, then start again.'
    : '';
  return new MigrationFailedError(
    `No migration was applied: ${reason.message ?? String(error)}.${hint}`,
    constraint,
    { cause: error },
  );
}

interface DriverError {
  message?: string;
  code?: string;
  constraint?: string;
}

/** The innermost error of the `cause` chain: the database's own answer. */
function driverError(error: unknown): DriverError {
  let current = error as DriverError & { cause?: unknown };
  for (let depth = 0; depth < 10 && typeof current?.cause === 'object' && current.cause !== null; depth++) {
    current = current.cause as DriverError & { cause?: unknown };
  }
  return typeof current === 'object' && current !== null ? current : { message: String(error) };
}
