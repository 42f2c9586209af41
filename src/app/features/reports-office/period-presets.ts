import type { ReportPeriod } from '@core/reports/period';
import { daysInMonth, formatLocalDate, parseLocalDate, type LocalDate } from '@core/shared/shanghai-time';

export const PERIOD_PRESETS = ['year', 'quarter', 'month', 'lastMonth', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const PERIOD_PRESET_LABELS: Record<PeriodPreset, string> = {
  year: '本年',
  quarter: '本季度',
  month: '本月',
  lastMonth: '上月',
  custom: '自定义',
};

const firstDay = (year: number, month: number) => formatLocalDate({ year, month, day: 1 });

/**
 * The period a preset names on `today` (a Shanghai date). The current year, quarter and month end today:
 * the days still to come hold nothing, and a monthly line would drop to zero in the months ahead.
 */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, today: LocalDate): ReportPeriod {
  const { year, month } = parseLocalDate(today);
  switch (preset) {
    case 'year':
      return { from: firstDay(year, 1), to: today };
    case 'quarter':
      return { from: firstDay(year, month - ((month - 1) % 3)), to: today };
    case 'month':
      return { from: firstDay(year, month), to: today };
    case 'lastMonth': {
      const [lastYear, last] = month === 1 ? [year - 1, 12] : [year, month - 1];
      return { from: firstDay(lastYear, last), to: formatLocalDate({ year: lastYear, month: last, day: daysInMonth(lastYear, last) }) };
    }
  }
}

/** `2026-01-01 至 2026-11-26`, or one day alone. */
export function periodLabel({ from, to }: ReportPeriod): string {
  return from === to ? from : `${from} 至 ${to}`;
}
