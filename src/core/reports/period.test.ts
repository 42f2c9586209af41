import { monthPeriods, monthReader, periodInstants, shanghaiYearOf, yearPeriod, type ReportPeriod } from './period';

/** What the database does with the period's instants: compares the stored text with them. */
function within(instant: string, period: ReportPeriod): boolean {
  const { start, end } = periodInstants(period);
  const stored = new Date(instant).toISOString();
  return stored >= start && stored < end;
}

describe('report periods are whole Shanghai days', () => {
  test('a year starts at Shanghai midnight, which is 16:00 UTC the day before', () => {
    expect(periodInstants(yearPeriod(2026))).toEqual({ start: '2025-12-31T16:00:00.000Z', end: '2026-12-31T16:00:00.000Z' });
  });

  test('an item submitted at 00:30 on 1 January in Shanghai belongs to the new year, 23:59 on 31 December to the old', () => {
    expect(within('2027-01-01T00:30:00+08:00', yearPeriod(2027))).toBe(true);
    expect(within('2027-01-01T00:30:00+08:00', yearPeriod(2026))).toBe(false);
    expect(within('2026-12-31T23:59:59+08:00', yearPeriod(2026))).toBe(true);
    expect(within('2026-12-31T16:00:00.000Z', yearPeriod(2026))).toBe(false);
  });

  test('a one-day period holds that Shanghai day and nothing of the next', () => {
    const day = { from: '2026-03-15', to: '2026-03-15' };
    expect(within('2026-03-14T16:00:00.000Z', day)).toBe(true);
    expect(within('2026-03-14T15:59:59.999Z', day)).toBe(false);
    expect(within('2026-03-15T15:59:59.999Z', day)).toBe(true);
    expect(within('2026-03-15T16:00:00.000Z', day)).toBe(false);
  });

  test('a leap year holds 366 days, another 365', () => {
    const days = (period: ReportPeriod) => {
      const { start, end } = periodInstants(period);
      return (Date.parse(end) - Date.parse(start)) / 86_400_000;
    };
    expect(days(yearPeriod(2028))).toBe(366);
    expect(days(yearPeriod(2026))).toBe(365);
  });

  test('the months a period touches, across a year end, partial months included', () => {
    const months = (period: ReportPeriod) => monthPeriods(period).map(({ month }) => month);
    expect(months({ from: '2025-11-20', to: '2026-02-03' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(months(yearPeriod(2026))).toHaveLength(12);
    expect(monthPeriods({ from: '2026-05-01', to: '2026-05-31' })).toEqual([{ month: '2026-05', period: { from: '2026-05-01', to: '2026-05-31' } }]);
  });

  test('cut at month ends: the first and last months partial, February of a leap year to the 29th', () => {
    expect(monthPeriods({ from: '2028-01-10', to: '2028-03-02' })).toEqual([
      { month: '2028-01', period: { from: '2028-01-10', to: '2028-01-31' } },
      { month: '2028-02', period: { from: '2028-02-01', to: '2028-02-29' } },
      { month: '2028-03', period: { from: '2028-03-01', to: '2028-03-02' } },
    ]);
  });

  test('the month of a stored instant is its Shanghai month', () => {
    const monthOf = monthReader(yearPeriod(2026));
    expect(monthOf('2026-01-31T16:30:00.000Z')).toBe('2026-02');
    expect(monthOf('2026-01-31T15:59:59.999Z')).toBe('2026-01');
    expect(monthOf('2025-12-31T16:00:00.000Z')).toBe('2026-01');
    expect(monthOf('2026-12-31T15:59:59.999Z')).toBe('2026-12');
  });

  test('"this year" turns at Shanghai midnight, not the host\'s', () => {
    expect(shanghaiYearOf(new Date('2026-12-31T16:00:00.000Z'))).toBe(2027);
    expect(shanghaiYearOf(new Date('2026-12-31T15:59:59.000Z'))).toBe(2026);
  });
});
