/**
 * The p-th percentile (0–100) by linear interpolation between the closest ranks, as Excel's PERCENTILE.INC
 * computes it, so a figure on the dashboard can be checked in the exported sheet. Null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile ${p} is outside 0–100`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (rank - lower);
}

export function median(values: readonly number[]): number | null {
  return percentile(values, 50);
}

/** The mean to one decimal; null for no values rather than NaN. */
export function average(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return roundTo1(values.reduce((sum, value) => sum + value, 0) / values.length);
}

/** part / whole as a percentage to one decimal; null when there is nothing to divide by. */
export function percentOf(part: number, whole: number): number | null {
  if (!Number.isFinite(whole) || whole <= 0) return null;
  return roundTo1((part * 100) / whole);
}

export function hoursBetween(fromInstant: string, toInstant: string): number {
  return (new Date(toInstant).getTime() - new Date(fromInstant).getTime()) / 3_600_000;
}

export function roundTo1(value: number): number {
  return Math.round(value * 10) / 10;
}
