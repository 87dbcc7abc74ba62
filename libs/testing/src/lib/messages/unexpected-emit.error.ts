import type { EmittedMessage } from './emitted-message';

/** How many of the closest patterns a near-miss report shows. */
const CLOSEST = 3;

/** A pattern that almost matched an emit: how far it is, and the `.`-separated segments that differ. */
export interface PatternNearMiss {
  readonly pattern: string;
  /** Edit distance (Levenshtein) between the two patterns. */
  readonly distance: number;
  readonly differences: readonly string[];
}

/**
 * An emit to a pattern no test expects. The Observable of `emit` fails with it and `verify()` reports it; like
 * `UnmatchedRequestError` for HTTP, the message shows the closest expected patterns and which segment differs.
 */
export class UnexpectedEmitError extends Error {
  readonly nearMisses: readonly PatternNearMiss[];

  constructor(
    readonly emitted: EmittedMessage,
    expected: readonly string[],
  ) {
    const nearMisses = closestPatterns(emitted.pattern, expected);
    super(`ClientProxyDouble: no test expects ${describeEmit(emitted)}; ${nearMissReport(nearMisses, expected.length)}`);
    this.name = 'UnexpectedEmitError';
    this.nearMisses = nearMisses;
  }
}

/** `emit('orders.placed', {"order_id":"ord1",…})`, the payload cut at 200 characters. */
export function describeEmit({ pattern, data }: EmittedMessage): string {
  const payload = JSON.stringify(data) ?? String(data);
  return `emit('${pattern}', ${payload.length > 200 ? `${payload.slice(0, 200)}…` : payload})`;
}

function closestPatterns(pattern: string, expected: readonly string[]): PatternNearMiss[] {
  return expected
    .map((candidate) => ({ pattern: candidate, distance: distance(pattern, candidate), differences: segmentDifferences(candidate, pattern) }))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, CLOSEST);
}

function nearMissReport(nearMisses: readonly PatternNearMiss[], expectedCount: number): string {
  if (nearMisses.length === 0) return 'expected patterns: (none)';
  const shown = expectedCount > nearMisses.length ? ` (${nearMisses.length} of ${expectedCount})` : '';
  const lines = nearMisses.flatMap((miss) => [
    `  '${miss.pattern}' — ${miss.distance} edit(s) away`,
    ...miss.differences.map((difference) => `    ${difference}`),
  ]);
  return `closest expected patterns${shown}:\n${lines.join('\n')}`;
}

/** The `.`-separated segments of `actual` that differ from `expected`'s, as `segment 1: expected "orders", got "order"`. */
function segmentDifferences(expected: string, actual: string): string[] {
  const want = expected.split('.');
  const got = actual.split('.');
  return Array.from({ length: Math.max(want.length, got.length) }, (_, i) => i)
    .filter((i) => want[i] !== got[i])
    .map((i) => `segment ${i + 1}: expected ${quote(want[i])}, got ${quote(got[i])}`);
}

const quote = (segment: string | undefined) => (segment === undefined ? '(nothing)' : `"${segment}"`);

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
