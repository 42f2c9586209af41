import { addDays, shanghaiDateOf, weekdayOf, type LocalDate } from '../shared/shanghai-time';

/** The State Council's holiday arrangement for a year: days off on weekdays, and weekend days worked (调休). */
export interface WorkCalendar {
  holidays: readonly LocalDate[];
  workdays: readonly LocalDate[];
}

export const DEFAULT_REPLY_WORKING_DAYS = 7;

export function isWorkingDay(date: LocalDate, calendar: WorkCalendar): boolean {
  if (calendar.workdays.includes(date)) return true;
  if (calendar.holidays.includes(date)) return false;
  const weekday = weekdayOf(date);
  return weekday !== 0 && weekday !== 6;
}

/** The last day for a reply: the Nth working day after the day (in Shanghai) the item was submitted. */
export function replyDeadline(submittedAt: Date, workingDays: number, calendar: WorkCalendar): LocalDate {
  let date = shanghaiDateOf(submittedAt);
  let counted = 0;
  while (counted < workingDays) {
    date = addDays(date, 1);
    if (isWorkingDay(date, calendar)) counted += 1;
  }
  return date;
}

/** Overdue once the deadline day has passed in Shanghai without a reply. */
export function isOverdue(deadline: LocalDate, now: Date): boolean {
  return shanghaiDateOf(now) > deadline;
}

/**
 * The years among `years` for which the calendar names no holiday: their arrangement has not been
 * entered (every year has some, New Year's Day at least), so deadlines would skip only weekends.
 */
export function yearsWithoutHolidays(calendar: WorkCalendar, years: readonly number[]): number[] {
  const covered = new Set(calendar.holidays.map((date) => Number(date.slice(0, 4))));
  return years.filter((year) => !covered.has(year));
}
