import { isOverdue, isWorkingDay, replyDeadline, yearsWithoutHolidays, type WorkCalendar } from './reply-deadline';

const noHolidays: WorkCalendar = { holidays: [], workdays: [] };
// A National Day week of the kind the State Council arranges: weekdays off, weekend days worked in exchange.
const nationalDay: WorkCalendar = {
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08'],
  workdays: ['2026-09-27', '2026-10-10'],
};

test('seven working days skip the weekend', () => {
  // Thursday 26 November: Fri 27, Mon 30, Tue 1, Wed 2, Thu 3, Fri 4, Mon 7 December.
  expect(replyDeadline(new Date('2026-11-26T10:00:00+08:00'), 7, noHolidays)).toBe('2026-12-07');
});

test('the day counts in Shanghai, whatever the instant in UTC', () => {
  // 23:30 UTC on Wednesday is already Thursday in Shanghai.
  expect(replyDeadline(new Date('2026-11-25T23:30:00Z'), 1, noHolidays)).toBe('2026-11-27');
});

test('holidays are skipped and 调休 weekend days are worked', () => {
  expect(isWorkingDay('2026-10-01', nationalDay)).toBe(false);
  expect(isWorkingDay('2026-10-10', nationalDay)).toBe(true);
  // Submitted Wednesday 30 September: Fri 9 Oct, Sat 10 Oct (worked), Mon 12 … Thu 15 October.
  expect(replyDeadline(new Date('2026-09-30T10:00:00+08:00'), 6, nationalDay)).toBe('2026-10-15');
});

test('an item is overdue from the day after its deadline', () => {
  expect(isOverdue('2026-12-07', new Date('2026-12-07T23:59:00+08:00'))).toBe(false);
  expect(isOverdue('2026-12-07', new Date('2026-12-08T00:00:00+08:00'))).toBe(true);
});

test('a year whose holidays have not been entered is named', () => {
  expect(yearsWithoutHolidays(nationalDay, [2026, 2027])).toEqual([2027]);
  expect(yearsWithoutHolidays(nationalDay, [2025, 2026])).toEqual([2025]);
  expect(yearsWithoutHolidays({ holidays: ['2026-01-01', '2027-01-01'], workdays: [] }, [2026, 2027])).toEqual([]);
  // Make-up working days alone do not make a year's arrangement.
  expect(yearsWithoutHolidays({ holidays: [], workdays: ['2027-02-07'] }, [2027])).toEqual([2027]);
});
