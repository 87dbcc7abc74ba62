import { HttpException } from '@nestjs/common';
import type { HttpProblem } from '../http-problem';
import { DeadlineExceededError } from './deadline-exceeded.error';
import { DEADLINE_MARGIN_MS, requestBudgetMs } from './request-deadline';

/** What a request's `x-deadline-ms` says on arrival: its budget and deadline, or the answer to give it at once. */
export type ArrivalDeadline =
  | { budgetMs?: number; deadlineAt?: number; problem?: undefined }
  | { budgetMs?: undefined; deadlineAt?: undefined; problem: HttpProblem };

/**
 * Reads `x-deadline-ms` as a request arrives: no header, no deadline; a budget whose deadline (arrival + budget −
 * `DEADLINE_MARGIN_MS`) is still ahead, that deadline; a budget already spent (at most the margin), `503
 * DEADLINE_EXCEEDED` — the caller has stopped waiting, so nothing is worth starting; a malformed header, `400
 * INVALID_DEADLINE` naming it.
 */
export function arrivalDeadline(header: string | string[] | undefined, receivedAt = Date.now()): ArrivalDeadline {
  let budgetMs: number | undefined;
  try {
    // A repeated header arrives as one value joined by ", " (or as an array): either way not a number, so refused.
    budgetMs = requestBudgetMs(Array.isArray(header) ? header.join(', ') : header);
  } catch (error) {
    if (!(error instanceof HttpException)) throw error;
    const { error: message, code } = error.getResponse() as { error: string; code: string };
    return { problem: { status: error.getStatus(), error: message, code } };
  }
  if (budgetMs === undefined) return {};
  const deadlineAt = receivedAt + budgetMs - DEADLINE_MARGIN_MS;
  if (deadlineAt <= receivedAt) {
    const spent = new DeadlineExceededError(deadlineAt);
    return { problem: { status: 503, error: spent.message, code: spent.code } };
  }
  return { budgetMs, deadlineAt };
}
