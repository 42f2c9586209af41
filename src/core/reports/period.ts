import { addDays, daysBetween, parseLocalDate, shanghaiDateOf, type LocalDate } from '../shared/shanghai-time';

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

export function isWithinPeriod(instant: string, period: ReportPeriod): boolean {
  const { start, end } = periodInstants(period);
  const iso = new Date(instant).toISOString();
  return iso >= start && iso < end;
}

export function monthOfInstant(instant: string): MonthKey {
  return shanghaiDateOf(new Date(instant)).slice(0, 7);
}

/** Every month the period touches, in order: the x axis of a monthly chart, empty months included. */
export function monthsOf({ from, to }: ReportPeriod): MonthKey[] {
  const months: MonthKey[] = [];
  let { year, month } = parseLocalDate(from);
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    months.push(key);
    if (key >= last) return months;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

export function periodDays({ from, to }: ReportPeriod): number {
  return daysBetween(from, to) + 1;
}
