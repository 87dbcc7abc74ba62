/**
 * The caller's deadline (`requestDeadline`) passed before the work could commit: it was rolled back, because the
 * caller has stopped waiting and would never learn of it. Answered `503 DEADLINE_EXCEEDED`.
 */
export class DeadlineExceededError extends Error {
  readonly code = 'DEADLINE_EXCEEDED';

  constructor(readonly deadlineAt: number) {
    super(`The caller's deadline passed ${Date.now() - deadlineAt} ms ago: nothing was committed`);
    this.name = 'DeadlineExceededError';
  }

  /** Throws when `deadlineAt` has passed; call it last before a commit. */
  static throwIfPassed(deadlineAt: number | undefined, now = Date.now()): void {
    if (deadlineAt !== undefined && now > deadlineAt) throw new DeadlineExceededError(deadlineAt);
  }
}
