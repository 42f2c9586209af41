import { upcomingSessions, type Session, type SessionOverride, type SessionRule } from '../sessions/calendar';
import { shanghaiIsoString } from '../shared/shanghai-time';

/** How far ahead a station's next held session is looked for; beyond it the rule is broken. */
const LOOKAHEAD_SESSIONS = 48;

function nextHeldAfter(rule: SessionRule, overrides: readonly SessionOverride[], instant: Date): Session | null {
  return (
    upcomingSessions(rule, overrides, instant, LOOKAHEAD_SESSIONS).find(
      (s) => s.status !== 'cancelled' && new Date(s.startsAt).getTime() > instant.getTime(),
    ) ?? null
  );
}

/**
 * The session an item submitted at `now` belongs to: the one being held, when submitted on site
 * during its hours; otherwise the next session that will really be held.
 */
export function sessionForSubmission(
  rule: SessionRule,
  overrides: readonly SessionOverride[],
  now: Date,
  onSite: boolean,
): Session | null {
  if (onSite) {
    const held = upcomingSessions(rule, overrides, now, 1).find(
      (s) => s.status !== 'cancelled' && new Date(s.startsAt).getTime() <= now.getTime(),
    );
    if (held) return held;
  }
  return nextHeldAfter(rule, overrides, now);
}

/** A station's calendar as feedback sees it: the rule, its overrides, and the sessions the office has closed. */
export interface StationCalendar {
  rule: SessionRule;
  overrides: readonly SessionOverride[];
  closedDates: ReadonlySet<string>;
}

/**
 * Where an item of `from` goes when that session is cancelled or closes with the item still open, or
 * when `from` no longer takes items: the first session after `from`'s day that will really be held
 * and can still take them — not cancelled, not closed by the office, not already over at `now`.
 */
export function nextOpenSession(calendar: StationCalendar, from: Session, now: Date): Session | null {
  const endOfDay = new Date(shanghaiIsoString(from.date, '23:59')).getTime();
  const searchFrom = new Date(Math.max(endOfDay, now.getTime()));
  return (
    upcomingSessions(calendar.rule, calendar.overrides, searchFrom, LOOKAHEAD_SESSIONS).find(
      (s) =>
        s.status !== 'cancelled' && !calendar.closedDates.has(s.originalDate) && new Date(s.startsAt).getTime() > endOfDay,
    ) ?? null
  );
}
