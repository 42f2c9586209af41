import type { SessionOverride, SessionRule } from '../sessions/calendar';
import { nextOpenSession, sessionForSubmission, type StationCalendar } from './session-assignment';

const rule: SessionRule = { daysOfMonth: [15, 30], window: { start: '09:00', end: '11:30' } };
const at = (iso: string) => new Date(iso);

test('on site during the hours, an item joins the session being held', () => {
  expect(sessionForSubmission(rule, [], at('2026-11-30T10:00:00+08:00'), true)?.date).toBe('2026-11-30');
});

test('from home during the same hours, it goes to the next session', () => {
  expect(sessionForSubmission(rule, [], at('2026-11-30T10:00:00+08:00'), false)?.date).toBe('2026-12-15');
});

test('on site outside the hours counts as the next session', () => {
  expect(sessionForSubmission(rule, [], at('2026-11-30T08:59:00+08:00'), true)?.date).toBe('2026-11-30');
  expect(sessionForSubmission(rule, [], at('2026-11-30T12:00:00+08:00'), true)?.date).toBe('2026-12-15');
});

test('a cancelled session is skipped; a moved one is found on its new day', () => {
  const overrides: SessionOverride[] = [
    { originalDate: '2026-12-15', kind: 'cancelled', reason: '节假日' },
    { originalDate: '2026-12-30', kind: 'moved', newDate: '2026-12-31', newWindow: { start: '14:00', end: '16:30' }, reason: '调整' },
  ];
  expect(sessionForSubmission(rule, overrides, at('2026-12-01T10:00:00+08:00'), false)?.date).toBe('2026-12-31');
  expect(sessionForSubmission(rule, overrides, at('2026-12-31T15:00:00+08:00'), true)?.status).toBe('moved');
});

const calendar = (overrides: SessionOverride[] = [], closed: string[] = []): StationCalendar => ({
  rule,
  overrides,
  closedDates: new Set(closed),
});

test('items carry over to the first session held after their session’s day', () => {
  const cancelled: SessionOverride = { originalDate: '2026-12-15', kind: 'cancelled', reason: '节假日' };
  const session = sessionForSubmission(rule, [], at('2026-12-01T10:00:00+08:00'), false)!;
  expect(session.date).toBe('2026-12-15');
  expect(nextOpenSession(calendar([cancelled]), session, at('2026-12-01T10:00:00+08:00'))?.date).toBe('2026-12-30');
  const december30 = sessionForSubmission(rule, [], at('2026-12-20T10:00:00+08:00'), false)!;
  expect(nextOpenSession(calendar(), december30, at('2026-12-30T11:00:00+08:00'))?.date).toBe('2027-01-15');
});

test('a session the office has already closed takes no items: they go on to the one after it', () => {
  const november30 = sessionForSubmission(rule, [], at('2026-11-26T10:00:00+08:00'), false)!;
  const now = at('2026-12-15T11:00:00+08:00');
  expect(nextOpenSession(calendar([], ['2026-12-15']), november30, now)?.date).toBe('2026-12-30');
  expect(nextOpenSession(calendar([], ['2026-12-15', '2026-12-30']), november30, now)?.date).toBe('2027-01-15');
});

test('a session already over is skipped; one being held still takes items', () => {
  const november30 = sessionForSubmission(rule, [], at('2026-11-26T10:00:00+08:00'), false)!;
  expect(nextOpenSession(calendar(), november30, at('2026-12-15T12:00:00+08:00'))?.date).toBe('2026-12-30');
  expect(nextOpenSession(calendar(), november30, at('2026-12-15T10:00:00+08:00'))?.date).toBe('2026-12-15');
});

test('a session moved to an earlier day than the one left is not “after” it', () => {
  const moved: SessionOverride = {
    originalDate: '2026-12-30',
    kind: 'moved',
    newDate: '2026-12-14',
    newWindow: { start: '14:00', end: '16:30' },
    reason: '调整',
  };
  const december15 = sessionForSubmission(rule, [moved], at('2026-12-14T17:00:00+08:00'), false)!;
  expect(december15.date).toBe('2026-12-15');
  expect(nextOpenSession(calendar([moved]), december15, at('2026-12-14T17:00:00+08:00'))?.date).toBe('2027-01-15');
});
