import { fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { useAppServer } from '../../../../../test/support/app-server';
import { settle } from '../../../../../test/support/office-app';
import { EventsHome } from './events-home';

// 2 December 2026: the week of 12·4 国家宪法日.
let now = new Date('2026-12-02T10:00:00+08:00');
const server = useAppServer({ now: () => now });
const { api } = server;

const event = (fields: Record<string, unknown>) => ({
  type: 'lecture',
  theme: '宪法进社区',
  law: '宪法',
  place: { name: '朝天咀社区党群服务中心', address: '朝天咀路 1 号', latitude: 29.56, longitude: 106.58 },
  communityId: 'chaotianzui',
  organiser: '镇法治建设科',
  capacity: 30,
  description: '讲解宪法的基本原则，现场答疑，欢迎居民参加。',
  ...fields,
});

async function publishedEvent(desk: string, fields: Record<string, unknown>): Promise<string> {
  const { id } = await api<{ id: string }>('POST', '/staff/events', desk, event(fields));
  await api('POST', `/staff/events/${id}/publish`, desk);
  return id;
}

beforeAll(async () => {
  await server.db().insertInto('community').values({ id: 'shuanglong', name: '双龙村', kind: '村', population: null }).execute();
  const desk = await server.signInStaff('events.desk', '李科员', now);
  // An event of November, made while it was still to come.
  now = new Date('2026-11-01T10:00:00+08:00');
  await publishedEvent(desk, { title: '消费维权集中宣传', type: 'campaign', law: '消费者权益保护法', theme: '守护钱袋子', startsAt: '2026-11-10T09:00:00+08:00', endsAt: '2026-11-10T11:00:00+08:00' });
  now = new Date('2026-12-02T10:00:00+08:00');
  await publishedEvent(desk, { title: '国家宪法日宣讲', startsAt: '2026-12-04T09:00:00+08:00', endsAt: '2026-12-04T11:00:00+08:00' });
  await publishedEvent(desk, {
    title: '双龙村院坝会',
    type: 'yuanba',
    theme: '民法典与农村生活',
    law: '民法典',
    communityId: 'shuanglong',
    capacity: null,
    startsAt: '2027-01-09T14:00:00+08:00',
    endsAt: '2027-01-09T16:00:00+08:00',
  });
  // A draft is the office's alone.
  await api('POST', '/staff/events', desk, event({ title: '还没发布的活动', startsAt: '2026-12-20T09:00:00+08:00', endsAt: '2026-12-20T11:00:00+08:00' }));
});

// The phone's clock says the same day as the server's: only Date is faked, timers run as usual.
const TIMERS = [
  'setTimeout',
  'clearTimeout',
  'setInterval',
  'clearInterval',
  'setImmediate',
  'clearImmediate',
  'nextTick',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'hrtime',
  'performance',
] as const;
beforeEach(() => {
  jest.useFakeTimers({ now, doNotFake: [...TIMERS] });
});

afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

const group = (title: string) => within(screen.getByLabelText(title));
const choose = (filter: string, option: string) => fireEvent.click(within(screen.getByLabelText(filter)).getByText(option));

test('this month’s events, then the coming ones, with the month’s key dates and the law of each; past ones on request', async () => {
  const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  render(<EventsHome />);
  const december = within(await screen.findByLabelText('12月活动'));
  expect(december.getByText('国家宪法日宣讲')).toBeTruthy();
  expect(december.getByText('宪法进社区 · 宪法')).toBeTruthy();
  expect(december.getByText('12月4日 星期五 09:00–11:00')).toBeTruthy();
  expect(december.getByText('还剩 30 个名额（共 30 个）')).toBeTruthy();
  const later = group('之后的活动');
  expect(later.getByText('双龙村院坝会')).toBeTruthy();
  expect(later.getByText('不限名额')).toBeTruthy();
  expect(screen.queryByText('还没发布的活动')).toBeNull();
  expect(screen.queryByText('消费维权集中宣传')).toBeNull();

  const keyDates = group('本月宣传日');
  expect(keyDates.getByText('12·4 国家宪法日（宪法）')).toBeTruthy();
  expect(keyDates.getByText('12月4日')).toBeTruthy();

  fireEvent.click(december.getByText('国家宪法日宣讲'));
  expect(navigateTo).toHaveBeenCalledWith({ url: expect.stringMatching(/^\/packages\/events\/detail\/index\?id=[0-9a-f-]{36}$/) });

  // Past events of the month shown, kept for reference: November's.
  fireEvent.click(screen.getByText('查看往期活动'));
  fireEvent.click(screen.getByLabelText('上个月'));
  expect(screen.getByLabelText('所看月份').textContent).toBe('2026年11月');
  const past = within(await screen.findByLabelText('往期活动'));
  expect(past.getByText('消费维权集中宣传')).toBeTruthy();
  expect(past.getByText('已结束')).toBeTruthy();
});

test('filters by type and by community keep only the matching events', async () => {
  render(<EventsHome />);
  await screen.findByText('国家宪法日宣讲');

  choose('活动类型', '院坝会');
  await settle();
  expect(await screen.findByText('双龙村院坝会')).toBeTruthy();
  expect(screen.queryByText('国家宪法日宣讲')).toBeNull();

  choose('活动类型', '全部类型');
  choose('社区（村）', '朝天咀社区');
  await settle();
  expect(await screen.findByText('国家宪法日宣讲')).toBeTruthy();
  expect(screen.queryByText('双龙村院坝会')).toBeNull();
});

test('the month calendar marks the key dates and the days with events; a day opens what is on it', async () => {
  render(<EventsHome />);
  await screen.findByText('国家宪法日宣讲');
  choose('显示方式', '日历');

  const calendar = within(screen.getByLabelText('活动日历'));
  expect(screen.getByLabelText('所看月份').textContent).toBe('2026年12月');
  const fourth = calendar.getByLabelText(/^12月4日，/);
  expect(fourth.getAttribute('aria-label')).toBe('12月4日，1 场活动，宪法宣传周，12·4 国家宪法日');
  expect(fourth.className).toContain('month-calendar__day--key');
  // The 8th is after the week and has nothing on it.
  expect(calendar.getByLabelText('12月8日').className).not.toContain('month-calendar__day--key');

  fireEvent.click(fourth);
  const day = group('当天');
  expect(day.getByText('12·4 国家宪法日（宪法）')).toBeTruthy();
  expect(day.getByText('国家宪法日宣讲')).toBeTruthy();

  fireEvent.click(screen.getByLabelText('下个月'));
  expect(screen.getByLabelText('所看月份').textContent).toBe('2027年1月');
  expect((await calendar.findByLabelText('1月9日，1 场活动')).className).not.toContain('month-calendar__day--key');
});
