import { upcomingSessions } from '../../src/core/sessions/calendar';
import { useListeningTestApp } from '../support/test-app';
import { renderCompiledPage, requestThrough, waitFor, waitForText } from './mini-program-harness';
import { firstStation, firstStationRule } from '../support/town-fixture';

const rule = firstStationRule;
const server = useListeningTestApp();

// The compiled app's modules are cached per test file, so one page instance serves the whole file.
test('the compiled home page shows the next session from a real server, adds it to the phone calendar and opens the map', async () => {
  const storage = new Map<string, unknown>();
  const calendarEntries: Record<string, unknown>[] = [];
  const mapsOpened: Record<string, unknown>[] = [];
  const requests: string[] = [];
  const request = requestThrough(server().origin);
  const page = renderCompiledPage('pages/home/index', {
    request: (options: Parameters<typeof request>[0]) => {
      requests.push(options.url);
      return request(options);
    },
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorage: (options: { key: string; data: unknown; success?: () => void }) => {
      storage.set(options.key, options.data);
      options.success?.();
    },
    showToast: () => undefined,
    addPhoneCalendar: (options: Record<string, unknown> & { success?: () => void }) => {
      calendarEntries.push(options);
      options.success?.();
    },
    openLocation: (options: Record<string, unknown> & { success?: () => void }) => {
      mapsOpened.push(options);
      options.success?.();
    },
  });
  const tapButton = (label: string) => {
    const button = page.querySelectorAll('.nut-button').find((b) => b.dom?.textContent === label);
    if (!button) throw new Error(`no ${label} button on the page`);
    button.dispatchEvent('tap');
  };

  const next = upcomingSessions(rule, [], new Date(), 1)[0];
  const [, month, day] = next.date.split('-').map(Number);
  await waitForText(page, '下一次接待日');
  const text = page.dom?.textContent;
  expect(text).toContain(`${month}月${day}日`);
  expect(text).toContain(`${rule.window.start}–${rule.window.end}`);
  expect(text).toContain(firstStation.name);
  expect(requests).toEqual([
    'http://127.0.0.1:3000/api/stations',
    `http://127.0.0.1:3000/api/stations/${firstStation.id}/sessions/upcoming?count=6`,
  ]);
  await waitFor(() => storage.has('sessions.upcoming.default'), () => 'the sessions to be kept on the phone');

  tapButton('加入手机日历');
  await waitFor(() => calendarEntries.length === 1, () => 'wx.addPhoneCalendar to be called');
  expect(calendarEntries[0]).toMatchObject({
    title: `${firstStation.name}接待日`,
    location: firstStation.address,
    startTime: new Date(next.startsAt).getTime() / 1000,
    endTime: new Date(next.endsAt).getTime() / 1000,
    alarm: true,
    alarmOffset: 24 * 60 * 60,
  });

  tapButton('查看位置');
  await waitFor(() => mapsOpened.length === 1, () => 'wx.openLocation to be called');
  expect(mapsOpened[0]).toMatchObject({
    name: firstStation.name,
    address: firstStation.address,
    latitude: firstStation.latitude,
    longitude: firstStation.longitude,
  });
});
