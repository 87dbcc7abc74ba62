import { DeadlineExceededError } from './deadline-exceeded.error';
import { DEADLINE_MARGIN_MS, requestDeadline } from './request-deadline';

describe('requestDeadline — when the caller stops waiting', () => {
  it('is the arrival time plus the caller’s budget, less a margin for the way here', () => {
    expect(requestDeadline('850', 10_000)).toBe(10_000 + 850 - DEADLINE_MARGIN_MS);
  });

  it.each([undefined, ''])('is undefined without a budget (%p): the caller waits as long as it takes', (header) => {
    expect(requestDeadline(header, 10_000)).toBeUndefined();
  });

  it.each(['-1', '1.5', 'soon', '99999999999'])('refuses %p with 400 INVALID_DEADLINE naming the header', (header) => {
    expect(() => requestDeadline(header)).toThrow(expect.objectContaining({ status: 400 }));
    try {
      requestDeadline(header);
    } catch (error) {
      expect((error as { getResponse(): unknown }).getResponse()).toMatchObject({
        code: 'INVALID_DEADLINE',
        error: expect.stringMatching(/^Invalid x-deadline-ms header: /),
      });
    }
  });
});

describe('DeadlineExceededError.throwIfPassed', () => {
  it('throws once the deadline has passed, and not before or without one', () => {
    expect(() => DeadlineExceededError.throwIfPassed(1_000, 1_001)).toThrow(DeadlineExceededError);
    expect(() => DeadlineExceededError.throwIfPassed(1_000, 1_000)).not.toThrow();
    expect(() => DeadlineExceededError.throwIfPassed(undefined, 1_000_000)).not.toThrow();
  });
});
