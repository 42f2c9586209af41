import { roundTo1 } from '@core/reports/statistics';
import { parseLocalDate } from '@core/shared/shanghai-time';

/** A time to reply as a figure: hours under a day (5.5 小时), days from a day on (3.2 天); 暂无 without replies. */
export function durationFigure(hours: number | null): { value: string; unit?: string } {
  if (hours === null) return { value: '暂无' };
  if (hours < 24) return { value: String(roundTo1(hours)), unit: '小时' };
  return { value: String(roundTo1(hours / 24)), unit: '天' };
}

/** A figure that may be missing (an average of nothing): `—` rather than 0. */
export function maybeLabel(value: number | null, unit = ''): string {
  return value === null ? '—' : `${value}${unit}`;
}

/** A month on a chart's axis: `3月`, with `2026年` under it where the year should be said (the first point, each January). */
export function monthOnAxis(month: string, withYear: boolean): { label: string; caption?: string } {
  const { year, month: number } = parseLocalDate(`${month}-01`);
  return withYear ? { label: `${number}月`, caption: `${year}年` } : { label: `${number}月` };
}
