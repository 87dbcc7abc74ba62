import { z } from 'zod';
import { parseEnv } from './parse-env';

describe('parseEnv', () => {
  const schema = z.object({ PORT: z.coerce.number().int().max(65535).default(5000), NAME: z.string().min(2) });

  it('returns the parsed, defaulted variables', () => {
    expect(parseEnv(schema, { NAME: 'orders' }, 'Test Service')).toEqual({ PORT: 5000, NAME: 'orders' });
  });

  it('throws one error naming the service and every bad variable', () => {
    expect(() => parseEnv(schema, { PORT: '99999' }, 'Test Service')).toThrow(
      /^Invalid Test Service configuration: PORT: .*65535.*; NAME: /,
    );
  });
});
