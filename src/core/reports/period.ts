import { addDays, daysInMonth, parseLocalDate, shanghaiDateOf, type LocalDate } from '../shared/shanghai-time';

/** A reporting period: whole Shanghai days, both ends included, as the office names one (1 Jan – 31 Dec). */
export interface ReportPeriod {
  from: LocalDate;
  to: LocalDate;
}

/** A month as `YYYY-MM`. */
export type MonthKey = string;

const SHANGHAI_MIDNIGHT_UTC = 'T16:00:00.000Z';

/**
 * The period as instants: `start` included, `end` excluded, both as `Date#toISOString()` writes them, so
 * they compare as strings with the instants the database stores. Shanghai midnight is 16:00 UTC the day before.
 */
export function periodInstants({ from, to }: ReportPeriod): { start: string; end: string } {
  return { start: `${addDays(from, -1)}${SHANGHAI_MIDNIGHT_UTC}`, end: `${to}${SHANGHAI_MIDNIGHT_UTC}` };
}

export function yearPeriod(year: number): ReportPeriod {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The year of a Shanghai instant: what "this year" means to the office at `now`. */
export function shanghaiYearOf(now: Date): number {
  return parseLocalDate(shanghaiDateOf(now)).year;
}

/**
 * The period cut at each month's end: the part of every month it touches, in order, partial first and
 * last months included. The x axis of a monthly chart, empty months included.
 */
export function monthPeriods({ from, to }: ReportPeriod): { month: MonthKey; period: ReportPeriod }[] {
  const parts: { month: MonthKey; period: ReportPeriod }[] = [];
  let { year, month } = parseLocalDate(from);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    const first = `${key}-01`;
    const last = `${key}-${daysInMonth(year, month)}`;
    parts.push({ month: key, period: { from: first < from ? from : first, to: last > to ? to : last } });
    if (last >= to) return parts;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/**
 * The Shanghai month of stored instants (`Date#toISOString()` text) within the period, found by comparing
 * text with each month's end: tens of thousands of rows cost no date arithmetic each.
 */
export function monthReader(period: ReportPeriod): (instant: string) => MonthKey {
  const ends = monthPeriods(period).map(({ month, period: part }) => ({ month, end: periodInstants(part).end }));
  return (instant) => {
    for (const { month, end } of ends) if (instant < end) return month;
    return ends[ends.length - 1].month;
  };
}
