import {
  checkOverride,
  nextHeldSession,
  occurrenceDatesBetween,
  occurrenceDatesInMonth,
  sessionByOriginalDate,
  sessionsBetween,
  splitUpcoming,
  upcomingSessions,
  type SessionOverride,
  type SessionRule,
} from './calendar';

const rule: SessionRule = { daysOfMonth: [15, 30], window: { start: '09:00', end: '11:30' } };
const at = (iso: string) => new Date(iso);

describe('occurrences from the rule', () => {
  test('a 31-day month has both days as given', () => {
    expect(occurrenceDatesInMonth(rule, 2027, 1)).toEqual(['2027-01-15', '2027-01-30']);
  });

  test('February of a common year falls back to the 28th', () => {
    expect(occurrenceDatesInMonth(rule, 2026, 2)).toEqual(['2026-02-15', '2026-02-28']);
  });

  test('February of a leap year falls back to the 29th', () => {
    expect(occurrenceDatesInMonth(rule, 2028, 2)).toEqual(['2028-02-15', '2028-02-29']);
  });

  test('the 31st falls on the 30th in a 30-day month', () => {
    expect(occurrenceDatesInMonth({ ...rule, daysOfMonth: [31] }, 2026, 4)).toEqual(['2026-04-30']);
  });

  test('two days that fall back onto the same day give one session', () => {
    expect(occurrenceDatesInMonth({ ...rule, daysOfMonth: [29, 30, 31] }, 2026, 2)).toEqual(['2026-02-28']);
    expect(occurrenceDatesInMonth({ ...rule, daysOfMonth: [29, 30, 31] }, 2028, 2)).toEqual(['2028-02-29']);
  });

  test('days come out in calendar order whatever order the rule lists them in', () => {
    expect(occurrenceDatesInMonth({ ...rule, daysOfMonth: [30, 1, 15] }, 2026, 6)).toEqual([
      '2026-06-01',
      '2026-06-15',
      '2026-06-30',
    ]);
  });

  test('a range across the year boundary', () => {
    expect(occurrenceDatesBetween(rule, '2026-12-20', '2027-01-20')).toEqual(['2026-12-30', '2027-01-15']);
  });

  test('range ends are included', () => {
    expect(occurrenceDatesBetween(rule, '2026-11-15', '2026-11-30')).toEqual(['2026-11-15', '2026-11-30']);
  });
});

describe('sessions with cancellations and moves', () => {
  const overrides: SessionOverride[] = [
    { originalDate: '2026-12-15', kind: 'cancelled', reason: '与全镇集中宣传活动冲突' },
    {
      originalDate: '2027-01-30',
      kind: 'moved',
      newDate: '2027-02-02',
      newWindow: { start: '14:00', end: '16:30' },
      reason: '春节前调整',
    },
  ];

  test('sessions carry Shanghai times with their offset', () => {
    const [session] = sessionsBetween(rule, [], '2026-11-30', '2026-11-30');
    expect(session).toEqual({
      date: '2026-11-30',
      originalDate: '2026-11-30',
      window: { start: '09:00', end: '11:30' },
      startsAt: '2026-11-30T09:00:00+08:00',
      endsAt: '2026-11-30T11:30:00+08:00',
      status: 'scheduled',
      reason: null,
    });
    expect(new Date(session.startsAt).toISOString()).toBe('2026-11-30T01:00:00.000Z');
  });

  test('a cancelled session stays on its day, marked with its reason', () => {
    const sessions = sessionsBetween(rule, overrides, '2026-12-01', '2026-12-31');
    expect(sessions.map((s) => [s.date, s.status, s.reason])).toEqual([
      ['2026-12-15', 'cancelled', '与全镇集中宣传活动冲突'],
      ['2026-12-30', 'scheduled', null],
    ]);
  });

  test('a moved session appears on its new day with its new hours, and not on the old one', () => {
    const sessions = sessionsBetween(rule, overrides, '2027-01-16', '2027-02-10');
    expect(sessions).toEqual([
      expect.objectContaining({
        date: '2027-02-02',
        originalDate: '2027-01-30',
        status: 'moved',
        startsAt: '2027-02-02T14:00:00+08:00',
        reason: '春节前调整',
      }),
    ]);
  });

  test('a moved session is found by a range that holds only its new day', () => {
    expect(sessionsBetween(rule, overrides, '2027-02-02', '2027-02-02')).toHaveLength(1);
    expect(sessionsBetween(rule, overrides, '2027-01-30', '2027-01-30')).toHaveLength(0);
  });

  test('an override for a day the rule does not give is ignored', () => {
    const stale: SessionOverride[] = [{ originalDate: '2026-12-16', kind: 'cancelled', reason: '旧规则' }];
    expect(sessionsBetween(rule, stale, '2026-12-01', '2026-12-31').map((s) => s.status)).toEqual([
      'scheduled',
      'scheduled',
    ]);
  });
});

describe('upcoming sessions', () => {
  test('the next sessions after a plain day', () => {
    const sessions = upcomingSessions(rule, [], at('2026-11-26T10:00:00+08:00'), 3);
    expect(sessions.map((s) => s.date)).toEqual(['2026-11-30', '2026-12-15', '2026-12-30']);
  });

  test('a session being held is still upcoming until its window closes', () => {
    expect(upcomingSessions(rule, [], at('2026-11-30T11:29:00+08:00'), 1)[0].date).toBe('2026-11-30');
    expect(upcomingSessions(rule, [], at('2026-11-30T11:30:00+08:00'), 1)[0].date).toBe('2026-12-15');
  });

  test('late evening in UTC is already the next day in Shanghai', () => {
    // 2026-11-29T16:30Z is 00:30 on 30 November in Shanghai: the session that day is still ahead.
    expect(upcomingSessions(rule, [], at('2026-11-29T16:30:00Z'), 1)[0].date).toBe('2026-11-30');
  });

  test('across the year boundary', () => {
    const sessions = upcomingSessions(rule, [], at('2026-12-30T12:00:00+08:00'), 2);
    expect(sessions.map((s) => s.date)).toEqual(['2027-01-15', '2027-01-30']);
  });

  test('cancelled sessions are listed, but the next held one skips them', () => {
    const overrides: SessionOverride[] = [{ originalDate: '2026-11-30', kind: 'cancelled', reason: '节假日' }];
    const now = at('2026-11-26T10:00:00+08:00');
    expect(upcomingSessions(rule, overrides, now, 2).map((s) => s.status)).toEqual(['cancelled', 'scheduled']);
    expect(nextHeldSession(rule, overrides, now)?.date).toBe('2026-12-15');
  });

  test('returns exactly the count asked for', () => {
    expect(upcomingSessions(rule, [], at('2026-01-01T00:00:00+08:00'), 24)).toHaveLength(24);
  });
});

describe('checking an override before it is stored', () => {
  const now = at('2026-11-26T10:00:00+08:00');
  const moveTo = (originalDate: string, newDate: string, start = '09:00', end = '11:30'): SessionOverride => ({
    originalDate,
    kind: 'moved',
    newDate,
    newWindow: { start, end },
    reason: '调整',
  });
  const cancel = (originalDate: string): SessionOverride => ({ originalDate, kind: 'cancelled', reason: '节假日' });

  test('only a day the rule gives can be cancelled or moved', () => {
    expect(checkOverride(rule, [], cancel('2026-12-16'), now)).toBe('not-an-occurrence');
    expect(checkOverride(rule, [], cancel('2026-12-15'), now)).toBeNull();
  });

  test('a session that has ended cannot be cancelled or moved; one under way still can', () => {
    expect(checkOverride(rule, [], cancel('2026-11-15'), now)).toBe('already-over');
    expect(checkOverride(rule, [], cancel('2026-11-30'), at('2026-11-30T10:00:00+08:00'))).toBeNull();
    expect(checkOverride(rule, [], cancel('2026-11-30'), at('2026-11-30T11:30:00+08:00'))).toBe('already-over');
  });

  test('a session is overridden once', () => {
    expect(checkOverride(rule, [cancel('2026-12-15')], moveTo('2026-12-15', '2026-12-16'), now)).toBe('already-overridden');
  });

  test('two sessions never fall on one day, a cancelled one included', () => {
    expect(checkOverride(rule, [], moveTo('2026-12-15', '2026-12-30'), now)).toBe('day-taken');
    expect(checkOverride(rule, [moveTo('2026-12-30', '2026-12-20')], moveTo('2026-12-15', '2026-12-20'), now)).toBe('day-taken');
    expect(checkOverride(rule, [cancel('2026-12-30')], moveTo('2026-12-15', '2026-12-30'), now)).toBe('day-taken');
  });

  test('a day freed by a move can take another session', () => {
    expect(checkOverride(rule, [moveTo('2026-12-30', '2026-12-31')], moveTo('2026-12-15', '2026-12-30'), now)).toBeNull();
  });

  test('a move goes neither into the past nor more than a month away', () => {
    expect(checkOverride(rule, [], moveTo('2026-11-30', '2026-11-25'), now)).toBe('in-the-past');
    expect(checkOverride(rule, [], moveTo('2026-12-15', '2027-01-16'), now)).toBe('too-far');
    expect(checkOverride(rule, [], moveTo('2026-12-15', '2027-01-14'), now)).toBeNull();
  });

  test('a move must change the day and keep a window that ends after it starts', () => {
    expect(checkOverride(rule, [], moveTo('2026-12-15', '2026-12-15', '14:00', '16:00'), now)).toBe('same-day');
    expect(checkOverride(rule, [], moveTo('2026-12-15', '2026-12-16', '16:00', '14:00'), now)).toBe('window-reversed');
  });
});

describe('what the home page shows', () => {
  test('the next held session, then the rest; ended ones drop out', () => {
    const overrides: SessionOverride[] = [{ originalDate: '2026-12-15', kind: 'cancelled', reason: '节假日' }];
    const sessions = sessionsBetween(rule, overrides, '2026-11-30', '2026-12-31');
    const { next, others } = splitUpcoming(sessions, at('2026-12-01T08:00:00+08:00'));
    expect(next?.date).toBe('2026-12-30');
    expect(others.map((s) => [s.date, s.status])).toEqual([['2026-12-15', 'cancelled']]);
  });

  test('nothing held ahead gives no next session', () => {
    const sessions = sessionsBetween(rule, [], '2026-11-30', '2026-11-30');
    expect(splitUpcoming(sessions, at('2026-12-01T08:00:00+08:00'))).toEqual({ next: null, others: [] });
  });
});

describe('sessionByOriginalDate', () => {
  const moved = {
    originalDate: '2026-10-01',
    kind: 'moved' as const,
    newDate: '2026-10-09',
    newWindow: { start: '14:00', end: '16:00' },
    reason: '国庆假期',
  };

  test('finds a moved session by the day the rule gave it, on its new day and hours', () => {
    const session = sessionByOriginalDate({ ...rule, daysOfMonth: [1] }, [moved], '2026-10-01');
    expect(session).toMatchObject({ date: '2026-10-09', originalDate: '2026-10-01', status: 'moved', window: moved.newWindow });
  });

  test('a cancelled session is still found, as cancelled; a day the rule does not give is not a session', () => {
    const cancelled = { originalDate: '2026-12-15', kind: 'cancelled' as const, reason: '停电' };
    expect(sessionByOriginalDate(rule, [cancelled], '2026-12-15')).toMatchObject({ status: 'cancelled', reason: '停电' });
    expect(sessionByOriginalDate(rule, [], '2026-12-16')).toBeNull();
    expect(sessionByOriginalDate(rule, [], '2027-02-28')).toMatchObject({ date: '2027-02-28', status: 'scheduled' });
  });
});
