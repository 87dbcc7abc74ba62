import { BadRequestException, type PipeTransform } from '@nestjs/common';
import type { ZodType } from 'zod';

/**
 * Validates a route parameter, query or body with a zod schema. A failure becomes `400` with a body naming
 * the problem, e.g. `{ "error": "Invalid user id: must not be empty", "code": "INVALID_USER_ID" }`.
 */
export class ZodValidationPipe<T> implements PipeTransform<unknown, T> {
  constructor(
    private readonly schema: ZodType<T>,
    private readonly what: string,
    private readonly code: string,
  ) {}

  transform(value: unknown): T {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new BadRequestException({ error: `Invalid ${this.what}: ${where}${issue.message}`, code: this.code });
  }
}
