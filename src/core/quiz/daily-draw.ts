import { daysBetween, isLocalDate, type LocalDate } from '../shared/shanghai-time';

export const DAILY_QUESTION_COUNT = 5;

/** Day numbers count from a fixed day, so that a date means the same place in the walk on every host. */
const FIRST_DAY: LocalDate = '2000-01-01';

/** FNV-1a: a 32-bit hash of a string, the same in every JS engine. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A reproducible stream of numbers in [0, 1) for a seed (mulberry32): a draw made from it can be
 * made again on any host, in the mini-program or on the server, without storing it first.
 */
export function seededRandom(seed: string): () => number {
  let state = hashString(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A copy in random order (Fisher–Yates), driven by the given stream. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}

/**
 * The ids of one person's 每日一练 for one Shanghai day: the same all day, different for other people
 * and other days. Each person walks their own shuffled order of the bank, five questions a day, so that
 * two consecutive days share no question while the bank holds at least ten, and a person meets every
 * question once before any comes back. Ids are sorted first: the order the bank is read in changes nothing.
 */
export function dailyDraw(personKey: string, date: LocalDate, bankIds: readonly string[]): string[] {
  if (!isLocalDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  const ids = [...new Set(bankIds)].sort();
  if (ids.length <= DAILY_QUESTION_COUNT) return shuffled(ids, seededRandom(`daily:${personKey}:${date}`));
  const personalOrder = shuffled(ids, seededRandom(`daily:${personKey}`));
  const dayNumber = daysBetween(FIRST_DAY, date);
  const start = (((dayNumber * DAILY_QUESTION_COUNT) % ids.length) + ids.length) % ids.length;
  return Array.from({ length: DAILY_QUESTION_COUNT }, (_, i) => personalOrder[(start + i) % ids.length]);
}
