import { hoursBetween, meanOf, median, percentOf, percentile } from './statistics';

describe('percentiles as Excel PERCENTILE.INC computes them', () => {
  test('the median of an odd count is the middle value, of an even count the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  test('the 90th percentile interpolates between the closest ranks', () => {
    // Ten values 1..10: rank 0.9 × 9 = 8.1 → 9 + 0.1 × (10 − 9).
    expect(percentile([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 90)).toBeCloseTo(9.1, 10);
    expect(percentile([2, 40], 90)).toBeCloseTo(36.2, 10);
  });

  test('one value is every percentile; no values give null, not NaN', () => {
    expect(percentile([7], 0)).toBe(7);
    expect(percentile([7], 90)).toBe(7);
    expect(median([])).toBeNull();
  });

  test('0 and 100 are the smallest and the largest', () => {
    expect(percentile([3, 9, 1], 0)).toBe(1);
    expect(percentile([3, 9, 1], 100)).toBe(9);
  });

  test('a percentile outside 0–100 is a programming error', () => {
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  test('the input is not reordered', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('averages and shares', () => {
  test('the mean of a sum over a count, to one decimal; null without values', () => {
    expect(meanOf(4 + 5 + 5, 3)).toBe(4.7);
    expect(meanOf(0, 0)).toBeNull();
  });

  test('a share in percent to one decimal; null with nothing to divide by', () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(0, 0)).toBeNull();
  });

  test('hours between two instants, whatever offsets they are written with', () => {
    expect(hoursBetween('2026-03-15T09:00:00+08:00', '2026-03-16T03:30:00.000Z')).toBe(26.5);
  });
});
