import { z } from 'zod';

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;
const MIN_HOLD_MS = 1_000;
const MAX_HOLD_MS = 24 * UNIT_MS.h;

/**
 * `RESERVATION_HOLD`: how long a reservation stays held without being confirmed before the reaper releases it — a
 * whole number with a unit, `ms`, `s`, `m` or `h` (`90s`, `15m`), from 1 s to 24 h; in milliseconds once parsed.
 * Default `15m`: far longer than an order takes to commit and be confirmed by the Order Service's relay, short enough
 * that units held for an order never written (its process died between reserving and writing) come back the same
 * quarter of an hour. A hold the relay confirms after it expired is reserved again if stock allows.
 */
export const ReservationHoldSchema = z
  .string()
  .default('15m')
  .transform((value, context) => {
    const match = /^(\d{1,9})(ms|s|m|h)$/.exec(value);
    const ms = match ? Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS] : Number.NaN;
    if (!(ms >= MIN_HOLD_MS && ms <= MAX_HOLD_MS)) {
      context.addIssue({ code: 'custom', message: 'must be a duration from 1s to 24h, a whole number with ms, s, m or h (e.g. 15m)' });
      return z.NEVER;
    }
    return ms;
  });

/**
 * How often the reaper looks for expired holds, for a hold of `holdMs`: a quarter of the hold, at most every 30 s,
 * so a hold is released at most a quarter later than it expires (30 s with long holds).
 */
export function reapIntervalMs(holdMs: number): number {
  return Math.min(Math.ceil(holdMs / 4), 30_000);
}
