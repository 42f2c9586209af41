/**
 * The p-th percentile (0–100) by linear interpolation between the closest ranks, as Excel's PERCENTILE.INC
 * computes it, so a figure on the dashboard can be checked in the exported sheet. Null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile ${p} is outside 0–100`);
  // A typed array sorts numerically with no comparator call per pair: a year of reply times in a few milliseconds.
  const sorted = Float64Array.from(values).sort();
  const rank = (p / 100) * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (rank - lower);
}

export function median(values: readonly number[]): number | null {
  return percentile(values, 50);
}

/**
 * The mean of `count` values that add up to `total`, to one decimal; null for no values rather than NaN.
 * Given as a sum and a count because that is what the database adds up, never the values themselves.
 */
export function meanOf(total: number, count: number): number | null {
  if (count === 0) return null;
  return roundTo1(total / count);
}

/** part / whole as a percentage to one decimal; null when there is nothing to divide by. */
export function percentOf(part: number, whole: number): number | null {
  if (!Number.isFinite(whole) || whole <= 0) return null;
  return roundTo1((part * 100) / whole);
}

export function hoursBetween(fromInstant: string, toInstant: string): number {
  return (Date.parse(toInstant) - Date.parse(fromInstant)) / 3_600_000;
}

export function roundTo1(value: number): number {
  return Math.round(value * 10) / 10;
}
