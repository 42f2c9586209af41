import {
  addDays,
  daysBetween,
  daysInMonth,
  isLocalDate,
  shanghaiDateOf,
  shanghaiIsoString,
  shanghaiMinute,
  shanghaiTimeOf,
  weekdayOf,
} from './shanghai-time';

const shanghaiCalendar = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

describe('Shanghai calendar arithmetic', () => {
  test('agrees with the IANA Asia/Shanghai zone for instants across many years, whatever the host zone', () => {
    // Every 7h13m from 2000 to 2040: crosses midnights, month ends and the host's DST switches.
    const step = (7 * 60 + 13) * 60_000;
    for (let t = Date.UTC(2000, 0, 1); t < Date.UTC(2040, 0, 1); t += step) {
      const instant = new Date(t);
      expect(shanghaiDateOf(instant)).toBe(shanghaiCalendar.format(instant));
    }
  });

  test('reads the Shanghai wall-clock time of an instant, across the Shanghai midnight', () => {
    expect(shanghaiTimeOf(new Date('2026-11-30T01:05:00Z'))).toBe('09:05');
    expect(shanghaiTimeOf(new Date('2026-11-30T15:59:59Z'))).toBe('23:59');
    expect(shanghaiTimeOf(new Date('2026-11-30T16:00:00Z'))).toBe('00:00');
    expect(shanghaiDateOf(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12-01');
    expect(shanghaiMinute(new Date('2026-12-31T16:30:59.999Z'))).toBe('2027-01-01 00:30');
  });

  test('writes Shanghai wall-clock time as an instant any engine reads the same', () => {
    expect(new Date(shanghaiIsoString('2026-11-30', '09:00')).toISOString()).toBe('2026-11-30T01:00:00.000Z');
    expect(new Date(shanghaiIsoString('2027-01-01', '00:30')).toISOString()).toBe('2026-12-31T16:30:00.000Z');
  });

  test('knows the length of every month, leap years included', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2026, 1)).toBe(31);
    expect(daysInMonth(2026, 4)).toBe(30);
  });

  test('accepts only days that exist', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-04-31')).toBe(false);
    expect(isLocalDate('2026-13-01')).toBe(false);
    expect(isLocalDate('2026-1-5')).toBe(false);
    expect(isLocalDate('not a date')).toBe(false);
  });

  test('adds days across month and year ends', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  test('names the weekday of a Shanghai day', () => {
    expect(weekdayOf('2026-11-30')).toBe(1);
    expect(weekdayOf('2026-11-29')).toBe(0);
    expect(weekdayOf('2027-01-01')).toBe(5);
  });
});
