import { BadRequestException } from '@nestjs/common';
import { z } from 'zod';
import { ZodValidationPipe } from './zod-validation.pipe';

describe('ZodValidationPipe', () => {
  const pipe = new ZodValidationPipe(z.object({ limit: z.coerce.number().int().max(100) }), 'query', 'INVALID_QUERY');

  it('returns the parsed value', () => {
    expect(pipe.transform({ limit: '5' })).toEqual({ limit: 5 });
  });

  it('throws 400 with a body naming the field and the problem', () => {
    try {
      pipe.transform({ limit: '500' });
      throw new Error('expected a BadRequestException');
    } catch (error) {
      expect(error).toBeInstanceOf(BadRequestException);
      expect((error as BadRequestException).getResponse()).toEqual({
        error: expect.stringMatching(/^Invalid query: limit: .*100/),
        code: 'INVALID_QUERY',
      });
    }
  });
});
