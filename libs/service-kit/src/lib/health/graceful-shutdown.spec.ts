import { z } from 'zod';
import { parseEnv } from '../parse-env';
import { SHUTDOWN_ENV } from './graceful-shutdown';

describe('SHUTDOWN_ENV (SHUTDOWN_DRAIN_MS)', () => {
  const schema = z.object(SHUTDOWN_ENV);

  it('defaults to no drain, so npm start stops at once', () => {
    expect(parseEnv(schema, {}, 'Test Service')).toEqual({ SHUTDOWN_DRAIN_MS: 0 });
  });

  it('reads the drain in milliseconds', () => {
    expect(parseEnv(schema, { SHUTDOWN_DRAIN_MS: '5000' }, 'Test Service')).toEqual({ SHUTDOWN_DRAIN_MS: 5000 });
  });

  it.each(['-1', 'soon', '1.5', '60001'])('refuses %s, naming the variable', (value) => {
    expect(() => parseEnv(schema, { SHUTDOWN_DRAIN_MS: value }, 'Test Service')).toThrow(/SHUTDOWN_DRAIN_MS: /);
  });
});
