import { isWithinPeriod, monthOfInstant, monthsOf, periodDays, periodInstants, shanghaiYearOf, yearPeriod } from './period';

describe('report periods are whole Shanghai days', () => {
  test('a year starts at Shanghai midnight, which is 16:00 UTC the day before', () => {
    expect(periodInstants(yearPeriod(2026))).toEqual({ start: '2025-12-31T16:00:00.000Z', end: '2026-12-31T16:00:00.000Z' });
  });

  test('an item submitted at 00:30 on 1 January in Shanghai belongs to the new year, 23:59 on 31 December to the old', () => {
    expect(isWithinPeriod('2027-01-01T00:30:00+08:00', yearPeriod(2027))).toBe(true);
    expect(isWithinPeriod('2027-01-01T00:30:00+08:00', yearPeriod(2026))).toBe(false);
    expect(isWithinPeriod('2026-12-31T23:59:59+08:00', yearPeriod(2026))).toBe(true);
    expect(isWithinPeriod('2026-12-31T16:00:00.000Z', yearPeriod(2026))).toBe(false);
  });

  test('a one-day period holds that Shanghai day and nothing of the next', () => {
    const day = { from: '2026-03-15', to: '2026-03-15' };
    expect(isWithinPeriod('2026-03-14T16:00:00.000Z', day)).toBe(true);
    expect(isWithinPeriod('2026-03-14T15:59:59.999Z', day)).toBe(false);
    expect(isWithinPeriod('2026-03-15T15:59:59.999Z', day)).toBe(true);
    expect(isWithinPeriod('2026-03-15T16:00:00.000Z', day)).toBe(false);
    expect(periodDays(day)).toBe(1);
  });

  test('the month of an instant is its Shanghai month', () => {
    expect(monthOfInstant('2026-01-31T16:30:00.000Z')).toBe('2026-02');
    expect(monthOfInstant('2026-01-31T15:30:00.000Z')).toBe('2026-01');
  });

  test('the months a period touches, across a year end, partial months included', () => {
    expect(monthsOf({ from: '2025-11-20', to: '2026-02-03' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsOf(yearPeriod(2026))).toHaveLength(12);
    expect(monthsOf({ from: '2026-05-01', to: '2026-05-31' })).toEqual(['2026-05']);
  });

  test('"this year" turns at Shanghai midnight, not the host\'s', () => {
    expect(shanghaiYearOf(new Date('2026-12-31T16:00:00.000Z'))).toBe(2027);
    expect(shanghaiYearOf(new Date('2026-12-31T15:59:59.000Z'))).toBe(2026);
  });

  test('a leap year has 366 days', () => {
    expect(periodDays(yearPeriod(2028))).toBe(366);
    expect(periodDays(yearPeriod(2026))).toBe(365);
  });
});
