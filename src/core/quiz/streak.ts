import { addDays, shanghaiDateOf, type LocalDate } from '../shared/shanghai-time';

/**
 * Consecutive Shanghai days with a completed 每日一练, counted back from today. Until today's quiz is
 * done the streak still stands on yesterday's: it breaks only once a whole day has passed without one.
 */
export function dailyStreak(completedDates: readonly LocalDate[], now: Date): number {
  const completed = new Set(completedDates);
  const today = shanghaiDateOf(now);
  let day = completed.has(today) ? today : addDays(today, -1);
  let streak = 0;
  while (completed.has(day)) {
    streak += 1;
    day = addDays(day, -1);
  }
  return streak;
}
