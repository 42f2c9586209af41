import { dailyStreak } from './streak';

const at = (iso: string) => new Date(iso);

test('today done counts today and the unbroken days before it', () => {
  expect(dailyStreak(['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-20'], at('2026-11-26T20:00:00+08:00'))).toBe(3);
});

test('today not done yet keeps yesterday’s streak alive', () => {
  expect(dailyStreak(['2026-11-24', '2026-11-25'], at('2026-11-26T08:00:00+08:00'))).toBe(2);
});

test('a whole day without the quiz breaks the streak', () => {
  expect(dailyStreak(['2026-11-23', '2026-11-24'], at('2026-11-26T08:00:00+08:00'))).toBe(0);
  expect(dailyStreak([], at('2026-11-26T08:00:00+08:00'))).toBe(0);
});

test('order and repeats in the record do not matter; months and years are crossed', () => {
  expect(dailyStreak(['2027-01-01', '2026-12-30', '2026-12-31', '2027-01-01'], at('2027-01-01T09:00:00+08:00'))).toBe(3);
});

test('days are Shanghai days, whatever the host’s timezone', () => {
  const completed = ['2026-11-24', '2026-11-25'];
  // 16:30 UTC on the 25th is 00:30 on the 26th in Shanghai: the 26th has just begun, the streak stands.
  expect(dailyStreak(completed, at('2026-11-25T16:30:00Z'))).toBe(2);
  // 16:30 UTC on the 26th is 00:30 on the 27th: all of the 26th passed without the quiz.
  expect(dailyStreak(completed, at('2026-11-26T16:30:00Z'))).toBe(0);
  // 15:59 UTC on the 26th is 23:59 on the 26th in Shanghai: still time to keep it.
  expect(dailyStreak(completed, at('2026-11-26T15:59:00Z'))).toBe(2);
});
