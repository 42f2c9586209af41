import { render, screen, within } from '@testing-library/react';
import { settle } from '../../../../../test/support/office-app';
import { BarChart, barPercent } from './bar-chart';

describe('a bar is as long as its share of the longest', () => {
  test('the longest fills the track, the others in proportion, to one decimal', () => {
    expect(barPercent(40, 40)).toBe(100);
    expect(barPercent(10, 40)).toBe(25);
    expect(barPercent(1, 3)).toBe(33.3);
  });

  test('nothing at all draws no bar rather than dividing by zero', () => {
    expect(barPercent(0, 0)).toBe(0);
    expect(barPercent(0, 12)).toBe(0);
  });
});

const bars = [
  { key: 'complaint', label: '投诉', value: 12 },
  { key: 'suggestion', label: '建议', value: 3 },
  { key: 'inquiry', label: '咨询', value: 0 },
];

test('every bar carries its label and number in words, and its length as a width', async () => {
  render(<BarChart title="按类型" bars={bars} unit="条" />);
  await settle();
  const chart = screen.getByLabelText('按类型');
  const rows = within(chart).getAllByRole('listitem');
  expect(rows.map((row) => row.getAttribute('aria-label'))).toEqual(['投诉 12 条', '建议 3 条', '咨询 0 条']);
  // Readable without the drawing: the number is written beside each bar.
  expect(rows.map((row) => row.querySelector('.bar-chart__value')?.textContent)).toEqual(['12 条', '3 条', '0 条']);
  const widths = rows.map((row) => (row.querySelector('.bar-chart__bar') as HTMLElement).style.width);
  expect(widths).toEqual(['100%', '25%', '0%']);
  // Only a bar with something in it keeps a visible sliver when it is tiny.
  expect(rows.map((row) => row.querySelector('.bar-chart__bar')?.classList.contains('bar-chart__bar--some'))).toEqual([true, true, false]);
});

test('a second figure is written after the number and read out with it; no bars say so', async () => {
  const { rerender } = render(<BarChart title="按活动类型" bars={[{ key: 'yuanba', label: '院坝会', value: 4, detail: '受众 120 人次' }]} unit="场" />);
  await settle();
  expect(screen.getByRole('listitem').getAttribute('aria-label')).toBe('院坝会 4 场，受众 120 人次');
  expect(screen.getByRole('listitem').querySelector('.bar-chart__value')?.textContent).toBe('4 场受众 120 人次');

  rerender(<BarChart title="按活动类型" bars={[]} unit="场" />);
  await settle();
  expect(screen.getByText('暂无数据')).toBeTruthy();
  expect(screen.queryAllByRole('listitem')).toHaveLength(0);
});
