import {
  addDays,
  daysBetween,
  daysInMonth,
  formatLocalDate,
  minutesOfDay,
  parseLocalDate,
  shanghaiDateOf,
  shanghaiIsoString,
  type LocalDate,
  type LocalTime,
} from '../shared/shanghai-time';

export interface TimeWindow {
  start: LocalTime;
  end: LocalTime;
}

/** When a station holds its sessions: days of the month and the hours of the day. */
export interface SessionRule {
  daysOfMonth: number[];
  window: TimeWindow;
}

export type SessionOverride =
  | { originalDate: LocalDate; kind: 'cancelled'; reason: string }
  | { originalDate: LocalDate; kind: 'moved'; newDate: LocalDate; newWindow: TimeWindow; reason: string };

export type SessionStatus = 'scheduled' | 'cancelled' | 'moved';

export interface Session {
  /** The day the session is (or was to be) held. */
  date: LocalDate;
  /** The day the rule gave it; differs from `date` only when moved. */
  originalDate: LocalDate;
  window: TimeWindow;
  startsAt: string;
  endsAt: string;
  status: SessionStatus;
  /** Why it was cancelled or moved, as residents should read it. */
  reason: string | null;
}

/** Looking further than this for upcoming sessions means the rule is broken, not that sessions are rare. */
const MAX_LOOKAHEAD_DAYS = 800;
const LOOKAHEAD_STEP_DAYS = 62;

/**
 * The session days the rule gives in one month. A day the month lacks falls on its last day
 * (the 30th in February is the 28th or 29th), and a day given twice is held once.
 */
export function occurrenceDatesInMonth(rule: SessionRule, year: number, month: number): LocalDate[] {
  const lastDay = daysInMonth(year, month);
  const days = new Set(rule.daysOfMonth.map((day) => Math.min(day, lastDay)));
  return [...days].sort((a, b) => a - b).map((day) => formatLocalDate({ year, month, day }));
}

export function occurrenceDatesBetween(rule: SessionRule, from: LocalDate, to: LocalDate): LocalDate[] {
  const dates: LocalDate[] = [];
  let { year, month } = parseLocalDate(from);
  const end = parseLocalDate(to);
  while (year < end.year || (year === end.year && month <= end.month)) {
    for (const date of occurrenceDatesInMonth(rule, year, month)) {
      if (date >= from && date <= to) dates.push(date);
    }
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
  return dates;
}

export function isOccurrenceDate(rule: SessionRule, date: LocalDate): boolean {
  const { year, month } = parseLocalDate(date);
  return occurrenceDatesInMonth(rule, year, month).includes(date);
}

function buildSession(
  date: LocalDate,
  originalDate: LocalDate,
  window: TimeWindow,
  status: SessionStatus,
  reason: string | null,
): Session {
  return {
    date,
    originalDate,
    window,
    startsAt: shanghaiIsoString(date, window.start),
    endsAt: shanghaiIsoString(date, window.end),
    status,
    reason,
  };
}

/** The session the rule gives on `originalDate` (its stable key), wherever it was moved; null if none. */
export function sessionByOriginalDate(
  rule: SessionRule,
  overrides: readonly SessionOverride[],
  originalDate: LocalDate,
): Session | null {
  if (!isOccurrenceDate(rule, originalDate)) return null;
  const override = overrides.find((o) => o.originalDate === originalDate);
  if (!override) return buildSession(originalDate, originalDate, rule.window, 'scheduled', null);
  if (override.kind === 'cancelled') return buildSession(originalDate, originalDate, rule.window, 'cancelled', override.reason);
  return buildSession(override.newDate, originalDate, override.newWindow, 'moved', override.reason);
}

/**
 * The sessions held (or cancelled) on days from `from` to `to`, both included, in date order.
 * A moved session appears on its new day; an override for a day the rule no longer gives is ignored.
 */
export function sessionsBetween(
  rule: SessionRule,
  overrides: readonly SessionOverride[],
  from: LocalDate,
  to: LocalDate,
): Session[] {
  const overrideByDate = new Map(
    overrides.filter((o) => isOccurrenceDate(rule, o.originalDate)).map((o) => [o.originalDate, o]),
  );
  const sessions: Session[] = [];
  for (const date of occurrenceDatesBetween(rule, from, to)) {
    const override = overrideByDate.get(date);
    if (!override) sessions.push(buildSession(date, date, rule.window, 'scheduled', null));
    else if (override.kind === 'cancelled') {
      sessions.push(buildSession(date, date, rule.window, 'cancelled', override.reason));
    }
  }
  for (const override of overrideByDate.values()) {
    if (override.kind === 'moved' && override.newDate >= from && override.newDate <= to) {
      sessions.push(buildSession(override.newDate, override.originalDate, override.newWindow, 'moved', override.reason));
    }
  }
  return sessions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function* sessionsNotEndedAt(rule: SessionRule, overrides: readonly SessionOverride[], now: Date) {
  const today = shanghaiDateOf(now);
  for (let offset = 0; offset < MAX_LOOKAHEAD_DAYS; offset += LOOKAHEAD_STEP_DAYS) {
    const from = addDays(today, offset);
    const to = addDays(today, offset + LOOKAHEAD_STEP_DAYS - 1);
    for (const session of sessionsBetween(rule, overrides, from, to)) {
      if (new Date(session.endsAt).getTime() > now.getTime()) yield session;
    }
  }
}

/**
 * The next `count` sessions that have not yet ended at `now`, cancelled ones included so that
 * residents see them as such. A session being held right now comes first.
 */
export function upcomingSessions(
  rule: SessionRule,
  overrides: readonly SessionOverride[],
  now: Date,
  count: number,
): Session[] {
  const found: Session[] = [];
  for (const session of sessionsNotEndedAt(rule, overrides, now)) {
    if (found.length === count) break;
    found.push(session);
  }
  return found;
}

/** The session being held at `now`, or else the next one that will really be held. */
export function nextHeldSession(rule: SessionRule, overrides: readonly SessionOverride[], now: Date): Session | null {
  for (const session of sessionsNotEndedAt(rule, overrides, now)) {
    if (session.status !== 'cancelled') return session;
  }
  return null;
}

export type OverrideProblem =
  | 'not-an-occurrence'
  | 'already-over'
  | 'already-overridden'
  | 'same-day'
  | 'in-the-past'
  | 'too-far'
  | 'day-taken'
  | 'window-reversed';

/** A session moves for a holiday or a clash, not to another season: at most this far from its day. */
export const MAX_MOVE_DAYS = 31;

/**
 * Why an override cannot be stored at `now`, or null when it can. Only a session that has not yet
 * ended can be cancelled or moved, not into the past, and two sessions never fall on one day: not
 * even beside a cancelled one, which residents still see on its day.
 */
export function checkOverride(
  rule: SessionRule,
  existing: readonly SessionOverride[],
  override: SessionOverride,
  now: Date,
): OverrideProblem | null {
  if (!isOccurrenceDate(rule, override.originalDate)) return 'not-an-occurrence';
  if (existing.some((o) => o.originalDate === override.originalDate)) return 'already-overridden';
  const [original] = sessionsBetween(rule, [], override.originalDate, override.originalDate);
  if (new Date(original.endsAt).getTime() <= now.getTime()) return 'already-over';
  if (override.kind === 'cancelled') return null;
  if (minutesOfDay(override.newWindow.start) >= minutesOfDay(override.newWindow.end)) return 'window-reversed';
  if (override.newDate === override.originalDate) return 'same-day';
  if (new Date(shanghaiIsoString(override.newDate, override.newWindow.end)).getTime() <= now.getTime()) return 'in-the-past';
  if (Math.abs(daysBetween(override.originalDate, override.newDate)) > MAX_MOVE_DAYS) return 'too-far';
  const taken = sessionsBetween(rule, existing, override.newDate, override.newDate).length > 0;
  return taken ? 'day-taken' : null;
}

/** What the home page shows: the session to come to, and the others in order, as of `now`. */
export function splitUpcoming(sessions: readonly Session[], now: Date): { next: Session | null; others: Session[] } {
  const notEnded = sessions.filter((s) => new Date(s.endsAt).getTime() > now.getTime());
  const next = notEnded.find((s) => s.status !== 'cancelled') ?? null;
  return { next, others: notEnded.filter((s) => s !== next) };
}
