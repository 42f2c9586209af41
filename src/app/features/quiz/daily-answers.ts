import Taro from '@tarojs/taro';

/** Chosen options by question id. */
export type ChosenAnswers = Record<string, number[]>;

// One entry, for one Shanghai day: a new day's quiz replaces what was left of an earlier one.
const STORAGE_KEY = 'quiz.daily.answers';

interface KeptAnswers {
  date: string;
  chosen: ChosenAnswers;
}

function isKept(value: unknown): value is KeptAnswers {
  if (!value || typeof value !== 'object') return false;
  const { date, chosen } = value as Partial<KeptAnswers>;
  return typeof date === 'string' && !!chosen && typeof chosen === 'object';
}

/** What was chosen for the day's quiz before the app was closed. */
export function keptDailyAnswers(date: string): ChosenAnswers {
  const stored: unknown = Taro.getStorageSync(STORAGE_KEY);
  return isKept(stored) && stored.date === date ? stored.chosen : {};
}

export function keepDailyAnswers(date: string, chosen: ChosenAnswers): void {
  Taro.setStorageSync(STORAGE_KEY, { date, chosen });
}

export function forgetDailyAnswers(): void {
  Taro.removeStorageSync(STORAGE_KEY);
}
