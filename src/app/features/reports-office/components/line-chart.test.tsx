import { render, screen } from '@testing-library/react';
import { settle } from '../../../../../test/support/office-app';
import { LINE_ASPECT, LINE_INSETS, LineChart, lineGeometry } from './line-chart';

// The plot inside the box: 6–94 % across, 16–94 % down (see LINE_INSETS).
const { left, right, top, bottom } = LINE_INSETS;

describe('where the dots and segments of a line go', () => {
  test('points spread evenly across the plot; the largest value at its top, zero on its floor', () => {
    const { points } = lineGeometry([0, 5, 10]);
    expect(points.map((p) => p.x)).toEqual([left, 50, 100 - right]);
    expect(points.map((p) => p.y)).toEqual([100 - bottom, (top + 100 - bottom) / 2, top]);
  });

  test('a segment is as long as Pythagoras says, in units of the box width, and rises at its angle', () => {
    // 88 % of the width across; 78 % of the height up, which is 78 × 0.5 = 39 % of the width.
    const { segments } = lineGeometry([0, 10], 0.5);
    expect(segments).toHaveLength(1);
    expect(segments[0].x).toBe(left);
    expect(segments[0].y).toBe(100 - bottom);
    expect(segments[0].length).toBeCloseTo(Math.hypot(88, 39), 2);
    expect(segments[0].angle).toBeCloseTo((Math.atan2(-39, 88) * 180) / Math.PI, 2);
    expect(segments[0].angle).toBeLessThan(0);
  });

  test('a flat line is level and spans the gap between dots; a fall turns the other way', () => {
    const flat = lineGeometry([3, 3, 3]).segments;
    expect(flat.map((s) => [s.length, s.angle])).toEqual([
      [44, 0],
      [44, 0],
    ]);
    const fall = lineGeometry([10, 0], 1).segments[0];
    expect(fall.angle).toBeCloseTo((Math.atan2(78, 88) * 180) / Math.PI, 2);
    expect(fall.length).toBeCloseTo(Math.hypot(88, 78), 2);
  });

  test('nothing at all lies on the floor; one point stands in the middle with no segment', () => {
    expect(lineGeometry([0, 0]).points.map((p) => p.y)).toEqual([100 - bottom, 100 - bottom]);
    expect(lineGeometry([7])).toEqual({ points: [{ x: 50, y: top }], segments: [] });
  });
});

const months = [
  { key: '2026-01', label: '1月', caption: '2026年', value: 4 },
  { key: '2026-02', label: '2月', value: 0 },
  { key: '2026-03', label: '3月', value: 8 },
];

test('the drawing places each dot and segment as computed, and writes every number and month', async () => {
  render(<LineChart title="每月反馈" points={months} unit="条" />);
  await settle();
  const chart = screen.getByLabelText(/^每月反馈：/);
  expect(chart.getAttribute('aria-label')).toBe('每月反馈：2026年1月 4 条，2月 0 条，3月 8 条');

  const box = chart.querySelector('.line-chart__box') as HTMLElement;
  expect(box.style.paddingBottom).toBe(`${LINE_ASPECT * 100}%`);

  const geometry = lineGeometry([4, 0, 8]);
  const dots = [...chart.querySelectorAll('.line-chart__point')] as HTMLElement[];
  expect(dots.map((dot) => [dot.style.left, dot.style.top])).toEqual(geometry.points.map((p) => [`${p.x}%`, `${p.y}%`]));
  expect(dots.map((dot) => dot.getAttribute('aria-label'))).toEqual(['2026年1月 4 条', '2月 0 条', '3月 8 条']);
  expect(dots.map((dot) => dot.querySelector('.line-chart__value')?.textContent)).toEqual(['4', '0', '8']);

  const segments = [...chart.querySelectorAll('.line-chart__segment')] as HTMLElement[];
  expect(segments.map((s) => [s.style.left, s.style.top, s.style.width, s.style.transform])).toEqual(
    geometry.segments.map((s) => [`${s.x}%`, `${s.y}%`, `${s.length}%`, `rotate(${s.angle}deg)`]),
  );
  const labels = [...chart.querySelectorAll('.line-chart__label')].map((label) => label.textContent);
  expect(labels).toEqual(['1月2026年', '2月', '3月']);
});

test('a line longer than a screen holds grows wider and flatter, keeping its height, to scroll sideways', async () => {
  const values = Array.from({ length: 24 }, (_, index) => index % 5);
  const points = values.map((value, index) => ({ key: String(index), label: `${(index % 12) + 1}月`, value }));
  render(<LineChart title="每月答题" points={points} unit="人次" />);
  await settle();
  const chart = screen.getByLabelText(/^每月答题：/);
  expect((chart.querySelector('.line-chart__plot') as HTMLElement).style.width).toBe('200%');
  // Twice as wide, half the aspect: the same height on screen.
  expect((chart.querySelector('.line-chart__box') as HTMLElement).style.paddingBottom).toBe(`${(LINE_ASPECT / 2) * 100}%`);
  const first = chart.querySelector('.line-chart__segment') as HTMLElement;
  expect(first.style.transform).toBe(`rotate(${lineGeometry(values, LINE_ASPECT / 2).segments[0].angle}deg)`);
  expect(chart.querySelectorAll('.line-chart__value')).toHaveLength(24);
});
