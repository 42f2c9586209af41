// China has kept UTC+8 without daylight saving since 1991, so Asia/Shanghai is a fixed offset.
// Doing calendar arithmetic on that offset (and on UTC fields only) keeps every result independent
// of the timezone of the server or the phone, and of whether the JS engine ships full ICU data.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A calendar day in Asia/Shanghai, written `YYYY-MM-DD`. */
export type LocalDate = string;
/** A wall-clock time in Asia/Shanghai, written `HH:mm`. */
export type LocalTime = string;

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isLocalDate(value: string): boolean {
  const match = LOCAL_DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1900 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isLocalTime(value: string): boolean {
  return LOCAL_TIME_PATTERN.test(value);
}

export function parseLocalDate(value: LocalDate): DateParts {
  if (!isLocalDate(value)) throw new RangeError(`Not a calendar date: ${value}`);
  const [year, month, day] = value.split('-').map(Number);
  return { year, month, day };
}

export function formatLocalDate({ year, month, day }: DateParts): LocalDate {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

export function minutesOfDay(time: LocalTime): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** ISO 8601 with the +08:00 offset, so a reader sees Shanghai wall-clock time. */
export function shanghaiIsoString(date: LocalDate, time: LocalTime): string {
  return `${date}T${time}:00+08:00`;
}

function shifted(instant: Date): Date {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS);
}

export function shanghaiDateOf(instant: Date): LocalDate {
  const s = shifted(instant);
  return formatLocalDate({ year: s.getUTCFullYear(), month: s.getUTCMonth() + 1, day: s.getUTCDate() });
}

/** The Shanghai wall-clock time of an instant, to the minute. */
export function shanghaiTimeOf(instant: Date): LocalTime {
  const s = shifted(instant);
  return `${pad2(s.getUTCHours())}:${pad2(s.getUTCMinutes())}`;
}

/** `2026-12-04 09:00`: an instant as a person in the town reads it, to the minute. */
export function shanghaiMinute(instant: Date): string {
  return `${shanghaiDateOf(instant)} ${shanghaiTimeOf(instant)}`;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const { year, month, day } = parseLocalDate(date);
  const moved = new Date(Date.UTC(year, month - 1, day) + days * DAY_MS);
  return formatLocalDate({ year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() });
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  const a = parseLocalDate(from);
  const b = parseLocalDate(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday, as in `Date#getDay`. */
export function weekdayOf(date: LocalDate): number {
  const { year, month, day } = parseLocalDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
