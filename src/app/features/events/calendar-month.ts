import * as z from 'zod/mini';
import type { DatedKeyDateSchema, PublicEvent } from '@core/events/schemas';
import { addDays, daysInMonth, formatLocalDate, shanghaiDateOf, weekdayOf, type LocalDate } from '@core/shared/shanghai-time';

export type DatedKeyDate = z.infer<typeof DatedKeyDateSchema>;

export interface CalendarDay {
  date: LocalDate;
  day: number;
  events: PublicEvent[];
  keyDates: DatedKeyDate[];
}

/** `2026-12` → { year: 2026, month: 12 } */
export function parseMonth(month: string): { year: number; month: number } {
  const [year, monthOfYear] = month.split('-').map(Number);
  return { year, month: monthOfYear };
}

export function shiftMonth(month: string, by: number): string {
  const { year, month: monthOfYear } = parseMonth(month);
  const index = year * 12 + (monthOfYear - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function monthOf(instant: Date): string {
  return shanghaiDateOf(instant).slice(0, 7);
}

/** Every Shanghai day an event covers, from its first to its last. */
function daysOf(event: PublicEvent): LocalDate[] {
  const days: LocalDate[] = [];
  const last = shanghaiDateOf(new Date(event.endsAt));
  for (let day = shanghaiDateOf(new Date(event.startsAt)); day <= last && days.length < 62; day = addDays(day, 1)) days.push(day);
  return days;
}

/**
 * The month as weeks of seven (Monday first, as Chinese calendars print it), blanks before the 1st and
 * after the last day, each day with the events on it and the key dates it falls in.
 */
export function calendarWeeks(month: string, events: PublicEvent[], keyDates: DatedKeyDate[]): (CalendarDay | null)[][] {
  const { year, month: monthOfYear } = parseMonth(month);
  const length = daysInMonth(year, monthOfYear);
  const byDay = new Map<LocalDate, PublicEvent[]>();
  for (const event of events) {
    for (const day of daysOf(event)) byDay.set(day, [...(byDay.get(day) ?? []), event]);
  }
  const cells: (CalendarDay | null)[] = [];
  const first = formatLocalDate({ year, month: monthOfYear, day: 1 });
  // weekdayOf: 0 is Sunday.
  const blanksBefore = (weekdayOf(first) + 6) % 7;
  for (let i = 0; i < blanksBefore; i += 1) cells.push(null);
  for (let day = 1; day <= length; day += 1) {
    const date = formatLocalDate({ year, month: monthOfYear, day });
    cells.push({
      date,
      day,
      events: byDay.get(date) ?? [],
      keyDates: keyDates.filter((keyDate) => keyDate.from <= date && date <= keyDate.to),
    });
  }
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (CalendarDay | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** The key dates that touch the month, in order. */
export function keyDatesOfMonth(month: string, keyDates: DatedKeyDate[]): DatedKeyDate[] {
  return keyDates.filter((keyDate) => keyDate.from.slice(0, 7) <= month && month <= keyDate.to.slice(0, 7)).sort((a, b) => a.from.localeCompare(b.from));
}
