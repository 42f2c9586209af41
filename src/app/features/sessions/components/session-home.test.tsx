import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { nextHeldSession, upcomingSessions } from '@core/sessions/calendar';
import { saveOverride } from '../../../../server/features/sessions/repository';
import { useAppServer } from '../../../../../test/support/app-server';
import { monthDayLabel, weekdayLabel } from '../../../shared/format/session-label';
import { SessionHome } from './session-home';
import { firstStation, firstStationRule } from '../../../../../test/support/town-fixture';

const STATION = firstStation.id;
const rule = firstStationRule;
// The real server answers; its clock and the page's are the real time, so the expected sessions are
// computed from the same rules at the same moment.
const server = useAppServer();

async function settle() {
  // Taro's H5 components upgrade asynchronously.
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
}

test('shows loading, then the next session with its date, weekday, time and place', async () => {
  const next = upcomingSessions(rule, [], new Date(), 1)[0];
  render(<SessionHome stationId={STATION} />);
  expect(screen.getByLabelText('正在加载')).toBeTruthy();

  await screen.findByText('下一次接待日');
  await settle();
  const card = within(screen.getByLabelText('下一次接待日'));
  expect(card.getByText(monthDayLabel(next.date))).toBeTruthy();
  expect(card.getByText(weekdayLabel(next.date))).toBeTruthy();
  expect(card.getByText(`${rule.window.start}–${rule.window.end}`)).toBeTruthy();
  expect(card.getByText(firstStation.name)).toBeTruthy();
  expect(card.getByText(firstStation.address)).toBeTruthy();
  expect(card.getByText('加入手机日历')).toBeTruthy();
  expect(card.getByText('查看位置')).toBeTruthy();
  expect(screen.getByText('之后的接待日')).toBeTruthy();
});

test('without a station named, shows the town’s first station', async () => {
  render(<SessionHome />);
  await screen.findByText('下一次接待日');
  expect(screen.getByText(firstStation.subtitle)).toBeTruthy();
});

test('an unreachable server shows the error and a retry that recovers', async () => {
  Object.assign(globalThis, { API_BASE: 'http://127.0.0.1:9/api' });
  render(<SessionHome stationId={STATION} />);
  await screen.findByText('没有加载出来', {}, { timeout: 10_000 });
  expect(screen.getByText('网络连接不畅，请检查网络后重试')).toBeTruthy();

  Object.assign(globalThis, { API_BASE: server.apiBase });
  fireEvent.click(screen.getByText('重新加载'));
  await screen.findByText('下一次接待日');
});

test('an unknown station shows the server’s message', async () => {
  render(<SessionHome stationId="no-such-station" />);
  await screen.findByText('找不到该驿站，请返回首页重新选择');
});

test('a cancelled session is shown as such with its reason, and the card moves to the next held one', async () => {
  const now = new Date();
  const [first] = upcomingSessions(rule, [], now, 1);
  await saveOverride(
    server.db(),
    STATION,
    { originalDate: first.date, kind: 'cancelled', reason: '国庆假期暂停' },
    now,
  );
  const held = nextHeldSession(rule, [{ originalDate: first.date, kind: 'cancelled', reason: '' }], now);

  render(<SessionHome stationId={STATION} />);
  await screen.findByText('已取消');
  expect(screen.getByText('本次取消：国庆假期暂停')).toBeTruthy();
  const card = screen.getByLabelText('下一次接待日');
  expect(card.textContent).toContain(monthDayLabel(held!.date));
  expect(card.textContent).not.toContain(monthDayLabel(first.date));
});

test('what was loaded once is shown again when the network then fails', async () => {
  const first = render(<SessionHome stationId={STATION} />);
  await screen.findByText('下一次接待日');
  await waitFor(() => expect(Taro.getStorageSync(`sessions.upcoming.${STATION}`)).toBeTruthy());
  first.unmount();

  Object.assign(globalThis, { API_BASE: 'http://127.0.0.1:9/api' });
  render(<SessionHome stationId={STATION} />);
  expect(screen.getByText('下一次接待日')).toBeTruthy();
  await screen.findByText('网络连接不畅，请检查网络后重试，以下是上次获取的信息。', {}, { timeout: 10_000 });
});
