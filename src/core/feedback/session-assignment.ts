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

/**
 * Where an item of `from` goes when that session is cancelled or closes with the item still open:
 * the first session held after `from`'s day.
 */
export function carryOverTarget(rule: SessionRule, overrides: readonly SessionOverride[], from: Session): Session | null {
  return nextHeldAfter(rule, overrides, new Date(shanghaiIsoString(from.date, '23:59')));
}
