/** An `Idempotency-Key` already used with a different request body (for another order, another reservation). Answered `409`. */
export class IdempotencyKeyReusedError extends Error {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';

  constructor(readonly idempotencyKey: string) {
    super('Idempotency-Key was already used with a different request body');
    this.name = 'IdempotencyKeyReusedError';
  }
}
