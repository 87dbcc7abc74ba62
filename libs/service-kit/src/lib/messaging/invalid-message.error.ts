/** A message whose payload breaks its contract: redelivering it cannot help, so it is dead-lettered at once. */
export class InvalidMessageError extends Error {
  constructor(
    readonly pattern: string,
    /** Each refused field and why, as `quantity: Too small: expected number to be >0`. */
    readonly problems: readonly string[],
  ) {
    super(`Invalid ${pattern} message: ${problems.join('; ')}`);
    this.name = 'InvalidMessageError';
  }
}
