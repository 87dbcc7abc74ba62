/** A `?cursor=` that was not issued for this user's history (malformed, tampered with, or another user's). */
export class InvalidCursorError extends Error {
  readonly code = 'INVALID_CURSOR';

  constructor(reason: string) {
    super(`Invalid cursor: ${reason}`);
    this.name = 'InvalidCursorError';
  }
}
