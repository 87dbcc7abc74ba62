import { CLIENT_POLICY_DEFAULTS, resolveClientPolicy } from '@boundary/client-core';
import { loadUserServiceConfig } from './user-service.config';

describe('loadUserServiceConfig', () => {
  it('defaults to port 5000, the Order Service on localhost:5001, a 2000 ms deadline and a 1000 ms attempt', () => {
    expect(loadUserServiceConfig({})).toEqual({
      port: 5000,
      logLevel: 'info',
      shutdownDrainMs: 0,
      orderClient: { baseUrl: 'http://localhost:5001', timeoutMs: 2000, attemptTimeoutMs: 1000 },
    });
  });

  it('leaves the other policies to the client’s defaults (their values are asserted in client-core)', () => {
    expect(resolveClientPolicy(loadUserServiceConfig({}).orderClient)).toEqual({
      timeoutMs: 2000,
      attemptTimeoutMs: 1000,
      ...CLIENT_POLICY_DEFAULTS,
    });
  });

  it('reads PORT, ORDER_SERVICE_URL and ORDER_SERVICE_TIMEOUT_MS', () => {
    expect(
      loadUserServiceConfig({ PORT: '8080', ORDER_SERVICE_URL: 'http://orders:9000', ORDER_SERVICE_TIMEOUT_MS: '150' }),
    ).toMatchObject({ port: 8080, orderClient: { baseUrl: 'http://orders:9000', timeoutMs: 150 } });
  });

  it('never lets the default attempt timeout exceed a shorter deadline', () => {
    expect(loadUserServiceConfig({ ORDER_SERVICE_TIMEOUT_MS: '150' }).orderClient.attemptTimeoutMs).toBe(150);
  });

  it('reads every policy variable, the service token and the log level', () => {
    expect(
      loadUserServiceConfig({
        ORDER_SERVICE_TIMEOUT_MS: '3000',
        ORDER_SERVICE_ATTEMPT_TIMEOUT_MS: '700',
        ORDER_SERVICE_RETRIES: '0',
        ORDER_SERVICE_RETRY_DELAY_MS: '20',
        ORDER_SERVICE_RETRY_MAX_DELAY_MS: '200',
        ORDER_SERVICE_BREAKER_FAILURES: '3',
        ORDER_SERVICE_BREAKER_HALF_OPEN_MS: '2500',
        ORDER_SERVICE_MAX_RESPONSE_BYTES: '4096',
        ORDER_SERVICE_TOKEN: 'a-shared-token-of-32-characters!',
        LOG_LEVEL: 'warn',
      }),
    ).toMatchObject({
      orderClient: {
        timeoutMs: 3000,
        attemptTimeoutMs: 700,
        retry: { maxRetries: 0, initialDelayMs: 20, maxDelayMs: 200 },
        circuitBreaker: { consecutiveFailures: 3, halfOpenAfterMs: 2500 },
        maxResponseBytes: 4096,
        token: 'a-shared-token-of-32-characters!',
      },
      logLevel: 'warn',
    });
  });

  it.each([
    ['a non-numeric PORT', { PORT: 'eighty' }, /PORT/],
    ['a PORT out of range', { PORT: '70000' }, /PORT/],
    ['an ORDER_SERVICE_URL that is not a URL', { ORDER_SERVICE_URL: 'localhost' }, /ORDER_SERVICE_URL: must be an http\(s\) URL/],
    ['an ORDER_SERVICE_URL that is not http', { ORDER_SERVICE_URL: 'ftp://x' }, /ORDER_SERVICE_URL/],
    ['a zero ORDER_SERVICE_TIMEOUT_MS', { ORDER_SERVICE_TIMEOUT_MS: '0' }, /ORDER_SERVICE_TIMEOUT_MS/],
    ['a non-numeric ORDER_SERVICE_TIMEOUT_MS', { ORDER_SERVICE_TIMEOUT_MS: 'soon' }, /ORDER_SERVICE_TIMEOUT_MS/],
    [
      'an attempt timeout longer than the deadline',
      { ORDER_SERVICE_TIMEOUT_MS: '500', ORDER_SERVICE_ATTEMPT_TIMEOUT_MS: '600' },
      /ORDER_SERVICE_ATTEMPT_TIMEOUT_MS: must not exceed ORDER_SERVICE_TIMEOUT_MS/,
    ],
    ['negative retries', { ORDER_SERVICE_RETRIES: '-1' }, /ORDER_SERVICE_RETRIES/],
    ['a zero breaker threshold', { ORDER_SERVICE_BREAKER_FAILURES: '0' }, /ORDER_SERVICE_BREAKER_FAILURES/],
    ['a non-numeric response limit', { ORDER_SERVICE_MAX_RESPONSE_BYTES: '1MB' }, /ORDER_SERVICE_MAX_RESPONSE_BYTES/],
    ['a short service token', { ORDER_SERVICE_TOKEN: 'short' }, /ORDER_SERVICE_TOKEN: must be at least 16 characters/],
    ['an unknown log level', { LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    ['the removed ORDER_SERVICE_TRANSPORT', { ORDER_SERVICE_TRANSPORT: 'undici' }, /ORDER_SERVICE_TRANSPORT: is no longer read/],
    ['the removed ORDER_SERVICE_KEEP_ALIVE', { ORDER_SERVICE_KEEP_ALIVE: 'true' }, /ORDER_SERVICE_KEEP_ALIVE: is no longer read/],
  ])('fails with a message naming the variable for %s', (_case, env, message) => {
    expect(() => loadUserServiceConfig(env)).toThrow(message);
  });

  it('names every bad variable at once', () => {
    expect(() => loadUserServiceConfig({ PORT: 'x', ORDER_SERVICE_TIMEOUT_MS: '-1' })).toThrow(
      /PORT.*ORDER_SERVICE_TIMEOUT_MS/,
    );
  });

  it('never echoes the service token in an error', () => {
    expect(() => loadUserServiceConfig({ ORDER_SERVICE_TOKEN: 'leaky', PORT: 'x' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('leaky') }),
    );
  });
});
