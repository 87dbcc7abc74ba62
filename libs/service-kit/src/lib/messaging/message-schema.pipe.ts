import type { PipeTransform } from '@nestjs/common';
import type { ZodType } from 'zod';
import { InvalidMessageError } from './invalid-message.error';

/** Validates an event's payload with its contract's zod schema; throws {@link InvalidMessageError} naming each field. */
export class MessageSchemaPipe<T> implements PipeTransform<unknown, T> {
  constructor(
    private readonly pattern: string,
    private readonly schema: ZodType<T>,
  ) {}

  transform(value: unknown): T {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    throw new InvalidMessageError(
      this.pattern,
      result.error.issues.map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`),
    );
  }
}
