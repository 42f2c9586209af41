import { ReportQuerySchema } from '@core/reports/schemas';
import { periodLabel, presetPeriod } from './period-presets';

describe('the periods the office picks, on a Shanghai day', () => {
  test('本年, 本季度 and 本月 run from their first day to today', () => {
    expect(presetPeriod('year', '2026-11-26')).toEqual({ from: '2026-01-01', to: '2026-11-26' });
    expect(presetPeriod('quarter', '2026-11-26')).toEqual({ from: '2026-10-01', to: '2026-11-26' });
    expect(presetPeriod('quarter', '2026-03-31')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(presetPeriod('quarter', '2026-04-01')).toEqual({ from: '2026-04-01', to: '2026-04-01' });
    expect(presetPeriod('month', '2026-11-26')).toEqual({ from: '2026-11-01', to: '2026-11-26' });
  });

  test('上月 is the whole of last month, February of a leap year and across the new year included', () => {
    expect(presetPeriod('lastMonth', '2026-11-26')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(presetPeriod('lastMonth', '2028-03-01')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(presetPeriod('lastMonth', '2027-01-15')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  test('every preset is a period the server accepts, on any day of the year', () => {
    for (let day = new Date(Date.UTC(2028, 0, 1)); day.getUTCFullYear() === 2028; day.setUTCDate(day.getUTCDate() + 1)) {
      const today = day.toISOString().slice(0, 10);
      for (const preset of ['year', 'quarter', 'month', 'lastMonth'] as const) {
        expect(ReportQuerySchema.safeParse(presetPeriod(preset, today)).success).toBe(true);
      }
    }
  });

  test('a period reads as its two days, or one', () => {
    expect(periodLabel({ from: '2026-01-01', to: '2026-11-26' })).toBe('2026-01-01 至 2026-11-26');
    expect(periodLabel({ from: '2026-11-26', to: '2026-11-26' })).toBe('2026-11-26');
  });
});
