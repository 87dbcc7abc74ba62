import { markdownTable } from './markdown-table';
import { fmt } from './stats';

/** A figure the issue sets a bound on: met when `measured` is at least (`atLeast`) or at most (`atMost`) the bound. */
export interface Goal {
  figure: string;
  measured: number;
  atLeast?: number;
  atMost?: number;
  /** How the bound reads in the table, e.g. `≤ 1/3`; defaults to the number. */
  bound?: string;
}

export function isMet(goal: Goal): boolean {
  if (!Number.isFinite(goal.measured)) return false;
  if (goal.atLeast !== undefined && goal.measured < goal.atLeast) return false;
  if (goal.atMost !== undefined && goal.measured > goal.atMost) return false;
  return true;
}

/** figure | measured | goal | met or not met. */
export function goalsTable(goals: readonly Goal[]): string {
  return markdownTable(
    ['figure', 'measured', 'goal', 'met'],
    goals.map((goal) => [
      goal.figure,
      fmt(goal.measured, 2),
      goal.bound ?? (goal.atLeast !== undefined ? `≥ ${goal.atLeast}` : `≤ ${goal.atMost}`),
      isMet(goal) ? 'met' : 'not met',
    ]),
  );
}
