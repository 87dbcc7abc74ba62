import { arrivalDeadline } from './arrival-deadline';
import { DEADLINE_MARGIN_MS } from './request-deadline';

describe('arrivalDeadline — what x-deadline-ms says as a request arrives', () => {
  it.each([undefined, ''])('has no budget and no deadline without one (%p)', (header) => {
    expect(arrivalDeadline(header, 10_000)).toEqual({});
  });

  it('is the budget, and the arrival time plus the budget less the margin', () => {
    expect(arrivalDeadline('850', 10_000)).toEqual({ budgetMs: 850, deadlineAt: 10_000 + 850 - DEADLINE_MARGIN_MS });
  });

  it('keeps a budget of a millisecond more than the margin: there is still a millisecond to spend', () => {
    expect(arrivalDeadline(String(DEADLINE_MARGIN_MS + 1), 10_000)).toEqual({ budgetMs: DEADLINE_MARGIN_MS + 1, deadlineAt: 10_001 });
  });

  it.each(['0', '1', String(DEADLINE_MARGIN_MS)])('answers a budget spent on arrival (%s ms) with 503 DEADLINE_EXCEEDED', (header) => {
    expect(arrivalDeadline(header, 10_000)).toEqual({
      problem: { status: 503, error: expect.stringMatching(/deadline passed .*nothing was committed/), code: 'DEADLINE_EXCEEDED' },
    });
  });

  it.each([['-1'], ['1.5'], ['soon'], ['99999999999'], ['300, 300'], [['300', '300']]])(
    'answers a malformed header %p with 400 INVALID_DEADLINE naming it',
    (header) => {
      expect(arrivalDeadline(header, 10_000)).toEqual({
        problem: { status: 400, error: expect.stringMatching(/^Invalid x-deadline-ms header: /), code: 'INVALID_DEADLINE' },
      });
    },
  );
});
