import { addDays, shanghaiDateOf } from '../shared/shanghai-time';
import { dailyDraw, DAILY_QUESTION_COUNT, seededRandom, shuffled } from './daily-draw';

const bankOf = (size: number) => Array.from({ length: size }, (_, i) => `cc-q-${String(i + 1).padStart(3, '0')}`);
const bank = bankOf(386);

describe('seeded random stream', () => {
  test('one seed gives one sequence, another seed another', () => {
    const first = seededRandom('居民-1');
    const again = seededRandom('居民-1');
    const other = seededRandom('居民-2');
    const a = Array.from({ length: 5 }, () => first());
    expect(Array.from({ length: 5 }, () => again())).toEqual(a);
    expect(Array.from({ length: 5 }, () => other())).not.toEqual(a);
    expect(a.every((value) => value >= 0 && value < 1)).toBe(true);
  });

  test('a shuffle keeps every item once and leaves its input alone', () => {
    const items = bankOf(20);
    const result = shuffled(items, seededRandom('shuffle'));
    expect([...result].sort()).toEqual(items);
    expect(result).not.toEqual(items);
    expect(items).toEqual(bankOf(20));
  });
});

describe('每日一练 draw', () => {
  test('five different questions from the bank', () => {
    const drawn = dailyDraw('user-1', '2026-11-26', bank);
    expect(drawn).toHaveLength(DAILY_QUESTION_COUNT);
    expect(new Set(drawn).size).toBe(DAILY_QUESTION_COUNT);
    expect(drawn.every((id) => bank.includes(id))).toBe(true);
  });

  test('the same set for one person all day, whatever order the bank is read in', () => {
    const drawn = dailyDraw('user-1', '2026-11-26', bank);
    expect(dailyDraw('user-1', '2026-11-26', bank)).toEqual(drawn);
    expect(dailyDraw('user-1', '2026-11-26', [...bank].reverse())).toEqual(drawn);
    expect(dailyDraw('user-1', '2026-11-26', [...bank, ...bank.slice(0, 10)])).toEqual(drawn);
  });

  test('the day is the Shanghai day: half past midnight there is already the next day’s set', () => {
    // 16:30 UTC on 25 November is 00:30 on 26 November in Shanghai, and still the 25th in UTC and Los Angeles.
    const justAfterMidnight = shanghaiDateOf(new Date('2026-11-25T16:30:00Z'));
    expect(dailyDraw('user-1', justAfterMidnight, bank)).toEqual(dailyDraw('user-1', '2026-11-26', bank));
    expect(dailyDraw('user-1', justAfterMidnight, bank)).not.toEqual(dailyDraw('user-1', '2026-11-25', bank));
  });

  test('different people get different sets on the same day', () => {
    const sets = Array.from({ length: 50 }, (_, i) => dailyDraw(`user-${i}`, '2026-11-26', bank).sort().join());
    expect(new Set(sets).size).toBe(50);
  });

  test('consecutive days share no question, and nothing comes back before the bank is through', () => {
    const seen = new Set<string>();
    const days = Math.floor(bank.length / DAILY_QUESTION_COUNT);
    for (let i = 0; i < days; i += 1) {
      for (const id of dailyDraw('user-1', addDays('2026-11-26', i), bank)) {
        expect(seen.has(id)).toBe(false);
        seen.add(id);
      }
    }
    expect(seen.size).toBe(days * DAILY_QUESTION_COUNT);
  });

  test('a bank of ten still gives two days without a repeat, across a year boundary too', () => {
    const small = bankOf(10);
    for (let i = 0; i < 30; i += 1) {
      const day = addDays('2026-12-20', i);
      const today = dailyDraw('user-7', day, small);
      const yesterday = dailyDraw('user-7', addDays(day, -1), small);
      expect(today.filter((id) => yesterday.includes(id))).toEqual([]);
    }
  });

  test('a bank of seven repeats only what it must (three of yesterday’s five)', () => {
    const small = bankOf(7);
    const today = dailyDraw('user-7', '2026-11-26', small);
    const yesterday = dailyDraw('user-7', '2026-11-25', small);
    expect(new Set(today).size).toBe(DAILY_QUESTION_COUNT);
    expect(today.filter((id) => yesterday.includes(id))).toHaveLength(3);
  });

  test('a bank of five or fewer gives all of it; an empty bank gives nothing', () => {
    expect(dailyDraw('user-1', '2026-11-26', bankOf(3)).sort()).toEqual(bankOf(3));
    expect(dailyDraw('user-1', '2026-11-26', [])).toEqual([]);
  });

  test('a date that is not a calendar day is refused', () => {
    expect(() => dailyDraw('user-1', '2026-02-30', bank)).toThrow(RangeError);
    expect(() => dailyDraw('user-1', '26-11-2026', bankOf(3))).toThrow(RangeError);
  });
});
