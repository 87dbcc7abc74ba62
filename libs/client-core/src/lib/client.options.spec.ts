import { CLIENT_POLICY_DEFAULTS, resolveClientPolicy } from './client.options';

describe('resolveClientPolicy', () => {
  it('applies every default, the attempt timeout being the deadline', () => {
    expect(resolveClientPolicy({ baseUrl: 'http://provider.test', timeoutMs: 3_000 })).toEqual({
      timeoutMs: 3_000,
      attemptTimeoutMs: 3_000,
      ...CLIENT_POLICY_DEFAULTS,
    });
  });

  it('keeps every setting given', () => {
    const settings = {
      timeoutMs: 3_000,
      attemptTimeoutMs: 1_000,
      maxRetries: 0,
      initialDelayMs: 10,
      maxDelayMs: 20,
      consecutiveFailures: 1,
      halfOpenAfterMs: 30,
      maxResponseBytes: 40,
      maxRequestBytes: 50,
    };
    const {
      timeoutMs,
      attemptTimeoutMs,
      maxRetries,
      initialDelayMs,
      maxDelayMs,
      consecutiveFailures,
      halfOpenAfterMs,
      maxResponseBytes,
      maxRequestBytes,
    } = settings;
    expect(
      resolveClientPolicy({
        baseUrl: 'http://provider.test',
        timeoutMs,
        attemptTimeoutMs,
        retry: { maxRetries, initialDelayMs, maxDelayMs },
        circuitBreaker: { consecutiveFailures, halfOpenAfterMs },
        maxResponseBytes,
        maxRequestBytes,
      }),
    ).toEqual(settings);
  });

  it('never lets an attempt outlast the deadline', () => {
    expect(resolveClientPolicy({ baseUrl: 'http://provider.test', timeoutMs: 500, attemptTimeoutMs: 5_000 }).attemptTimeoutMs).toBe(500);
  });

  it('keeps the defaults in one object: few, short retries and a breaker that opens on a real outage', () => {
    expect(CLIENT_POLICY_DEFAULTS).toEqual({
      maxRetries: 2,
      initialDelayMs: 50,
      maxDelayMs: 500,
      consecutiveFailures: 5,
      halfOpenAfterMs: 10_000,
      maxResponseBytes: 1_048_576,
      maxRequestBytes: 1_048_576,
    });
  });
});
