import { upcomingSessions, type SessionRule } from '../../src/core/sessions/calendar';
import { createTestApp, type TestApp } from '../support/test-app';
import { renderCompiledPage, requestThrough, waitFor, waitForText } from './mini-program-harness';

const rule: SessionRule = { daysOfMonth: [15, 30], window: { start: '09:00', end: '11:30' } };
let testApp: TestApp;
let origin: string;

beforeAll(async () => {
  testApp = await createTestApp();
  origin = await testApp.app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(() => testApp.close());

// The compiled app's modules are cached per test file, so one page instance serves the whole file.
test('the compiled home page shows the next session from a real server and adds it to the phone calendar', async () => {
  const storage = new Map<string, unknown>();
  const calendarEntries: Record<string, unknown>[] = [];
  const requests: string[] = [];
  const request = requestThrough(origin);
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
  });

  const next = upcomingSessions(rule, [], new Date(), 1)[0];
  const [, month, day] = next.date.split('-').map(Number);
  await waitForText(page, '下一次接待日');
  const text = page.dom?.textContent;
  expect(text).toContain(`${month}月${day}日`);
  expect(text).toContain('09:00–11:30');
  expect(text).toContain('朝天咀社区红色驿站');
  expect(requests).toEqual([
    'http://127.0.0.1:3000/api/stations',
    'http://127.0.0.1:3000/api/stations/chaotianzui-red-station/sessions/upcoming?count=6',
  ]);
  await waitFor(() => storage.has('sessions.upcoming.default'), () => 'the sessions to be kept on the phone');

  const addButton = page
    .querySelectorAll('.nut-button')
    .find((button) => button.dom?.textContent === '加入手机日历');
  if (!addButton) throw new Error('no 加入手机日历 button on the page');
  addButton.dispatchEvent('tap');
  await waitFor(() => calendarEntries.length === 1, () => 'wx.addPhoneCalendar to be called');
  expect(calendarEntries[0]).toMatchObject({
    title: '朝天咀社区红色驿站接待日',
    location: '重庆市江津区白沙镇朝天咀社区红色驿站',
    startTime: new Date(next.startsAt).getTime() / 1000,
    endTime: new Date(next.endsAt).getTime() / 1000,
    alarm: true,
    alarmOffset: 24 * 60 * 60,
  });
});
