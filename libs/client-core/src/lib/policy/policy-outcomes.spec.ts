import { AttemptTimeoutError, CircuitOpenError, DeadlineExceededError } from './policy-outcomes';

describe('policy outcomes', () => {
  const cause = new Error('cockatiel’s own error');

  it.each([
    ['DeadlineExceededError', new DeadlineExceededError(1_000, { cause }), 'call deadline of 1000 ms passed', { timeoutMs: 1_000 }],
    ['AttemptTimeoutError', new AttemptTimeoutError(200, { cause }), 'attempt timeout of 200 ms passed', { timeoutMs: 200 }],
    ['CircuitOpenError', new CircuitOpenError(4_000, { cause }), 'circuit open for 4000 ms', { retryAfterMs: 4_000 }],
  ])('%s names itself, says what passed and keeps the cause', (name, error, message, fields) => {
    expect(error).toMatchObject({ name, message, cause, ...fields });
  });
});
