import { render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { useAppServer } from '../../../../../test/support/app-server';
import { closeSessionAs, staffAction, submitFeedback } from '../../../../../test/support/office-app';
import { firstStation } from '../../../../../test/support/town-fixture';
import { SessionSummaryView } from './session-summary-view';

let clock = new Date('2026-06-01T10:00:00+08:00');
const server = useAppServer({ now: () => clock });

beforeAll(async () => {
  const resident = await server.guestToken();
  const answered = await submitFeedback(server.apiBase, resident);
  await submitFeedback(server.apiBase, resident, { anonymous: true, categoryId: 'environment', content: '砖厂晚上偷偷排黑烟，味道很大。' });
  clock = new Date('2026-06-15T12:00:00+08:00');
  const office = await server.signInStaff('wang.keyuan', '王科员', clock);
  await staffAction(server.apiBase, office, answered.id, { action: 'reply', text: '已安排城管中队清理。' });
  await closeSessionAs(server.apiBase, office, firstStation.id, '2026-06-15', '占道经营问题已交城管中队处理。');
});

test('anyone can read a closed session’s summary: totals, categories and the office’s note, with a way to share it', async () => {
  render(<SessionSummaryView stationId={firstStation.id} date="2026-06-15" />);
  expect(await screen.findByText('6月15日接待日小结')).toBeTruthy();
  expect(screen.getByText(`${firstStation.name} · 6月15日 星期一`)).toBeTruthy();
  const summary = within(screen.getByLabelText('接待日小结'));
  expect(summary.getByText('收到 2 条、已答复 1 条、转入下次 1 条')).toBeTruthy();
  const rows = within(summary.getByRole('table')).getAllByRole('row').map((row) => row.textContent);
  expect(rows).toEqual(['类别收到已答复', '城市管理（占道经营、机动车违停）11', '生态环境10']);
  expect(summary.getByText('占道经营问题已交城管中队处理。')).toBeTruthy();
  expect(screen.getByText('复制链接，分享给居民')).toBeTruthy();
  // Read without signing in: nothing about the reader was sent or kept.
  expect(Taro.getStorageSync('auth.resident')).toBeFalsy();
});

test('a session not closed yet says so, with a retry', async () => {
  render(<SessionSummaryView stationId={firstStation.id} date="2026-06-30" />);
  expect(await screen.findByText('这次接待日还没有结束，小结尚未发布')).toBeTruthy();
  expect(screen.getByText('重新加载')).toBeTruthy();
});
