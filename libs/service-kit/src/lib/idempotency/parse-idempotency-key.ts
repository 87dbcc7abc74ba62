import { IdempotencyKeySchema } from '@boundary/http-conventions';
import { ZodValidationPipe } from '../zod-validation.pipe';

const pipe = new ZodValidationPipe(IdempotencyKeySchema.optional(), 'Idempotency-Key header', 'INVALID_IDEMPOTENCY_KEY');

/**
 * The `Idempotency-Key` header of an idempotent create route, validated: `undefined` when absent; a malformed key
 * throws `400` `{ error: 'Invalid Idempotency-Key header: …', code: 'INVALID_IDEMPOTENCY_KEY' }`.
 *
 * @example const key = parseIdempotencyKey(idempotencyKeyHeader); // from `@Headers(IDEMPOTENCY_KEY_HEADER)`
 */
export function parseIdempotencyKey(header: string | undefined): string | undefined {
  return pipe.transform(header);
}
