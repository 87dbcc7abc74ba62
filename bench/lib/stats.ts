/** The middle value (mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A number for a table: fixed decimals, or `n/a`. */
export function fmt(value: number, decimals = 1): string {
  return Number.isFinite(value) ? value.toFixed(decimals) : 'n/a';
}

/** Throws unless every value is a finite number, so a run that measured nothing fails loudly. */
export function assertFigures(label: string, values: readonly number[]): void {
  if (values.length === 0 || values.some((v) => !Number.isFinite(v))) {
    throw new Error(`${label}: missing or non-numeric figures (${values.join(', ')})`);
  }
}
