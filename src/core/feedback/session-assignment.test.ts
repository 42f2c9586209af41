import type { SessionOverride, SessionRule } from '../sessions/calendar';
import { carryOverTarget, sessionForSubmission } from './session-assignment';

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

test('items carry over to the first session held after their session’s day', () => {
  const cancelled: SessionOverride = { originalDate: '2026-12-15', kind: 'cancelled', reason: '节假日' };
  const session = sessionForSubmission(rule, [], at('2026-12-01T10:00:00+08:00'), false)!;
  expect(session.date).toBe('2026-12-15');
  expect(carryOverTarget(rule, [cancelled], session)?.date).toBe('2026-12-30');
  const december30 = sessionForSubmission(rule, [], at('2026-12-20T10:00:00+08:00'), false)!;
  expect(carryOverTarget(rule, [], december30)?.date).toBe('2027-01-15');
});
