/** The database cannot be reached (refused, reset, timed out, shutting down). Answered `503`; the pool recovers. */
export class DatabaseUnavailableError extends Error {
  readonly code = 'DATABASE_UNAVAILABLE';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DatabaseUnavailableError';
  }
}

// Socket errors, PostgreSQL's "admin shutdown"/"cannot connect now" (57P01–57P03) and connection exceptions (08xxx).
const UNAVAILABLE_CODES = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EHOSTUNREACH|EAI_AGAIN|57P0[123]|08...)$/;
// node-postgres reports a dropped connection or a pool checkout timeout without a code.
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection closed/i;

/** Whether `error`, or any error in its `cause` chain (Drizzle wraps driver errors), means "database unreachable". */
export function isDatabaseUnavailable(error: unknown): boolean {
  // Duck-typed, not `instanceof Error`: socket errors may come from another realm (Node core under a VM sandbox).
  let current: unknown = error;
  for (let depth = 0; typeof current === 'object' && current !== null && depth < 10; depth++) {
    if (current instanceof DatabaseUnavailableError) return true;
    const { code, message, errors, cause } = current as { code?: unknown; message?: unknown; errors?: unknown; cause?: unknown };
    if (typeof code === 'string' && UNAVAILABLE_CODES.test(code)) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
    if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    current = cause;
  }
  return false;
}
