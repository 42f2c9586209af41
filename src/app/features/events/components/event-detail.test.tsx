import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { useAppServer } from '../../../../../test/support/app-server';
import { settle } from '../../../../../test/support/office-app';
import { CheckInCodeView } from './check-in-code';
import { EventDetailView } from './event-detail';

const now = new Date('2026-12-02T10:00:00+08:00');
// WeChat's template for an event's messages (the day-before reminder, a cancellation).
const server = useAppServer({ now: () => now, wechat: { apiBase: 'http://127.0.0.1:9', appId: undefined, secret: undefined, templates: { event: 'tpl-event-0004' } } });
const { api, db } = server;
let desk: string;

async function publishedEvent(title: string, capacity: number | null): Promise<string> {
  const { id } = await api<{ id: string }>('POST', '/staff/events', desk, {
    title,
    type: 'lecture',
    theme: '宪法进社区',
    law: '宪法',
    startsAt: '2026-12-04T09:00:00+08:00',
    endsAt: '2026-12-04T11:00:00+08:00',
    place: { name: '朝天咀社区党群服务中心', address: '朝天咀路 1 号', latitude: 29.56, longitude: 106.58 },
    communityId: 'chaotianzui',
    organiser: '镇法治建设科',
    capacity,
    description: '讲解宪法的基本原则，现场答疑，欢迎居民参加。',
  });
  await api('POST', `/staff/events/${id}/publish`, desk);
  return id;
}

const signedUpCount = async (id: string) => Number((await db().selectFrom('event').select('signedUp').where('id', '=', id).executeTakeFirstOrThrow()).signedUp);
const button = (name: string) => screen.getByText(name, { selector: '.nut-button *, .nut-button' });

beforeAll(async () => {
  desk = await server.signInStaff('events.desk', '李科员', now);
});

beforeEach(() => server.signInResident());

afterEach(() => jest.restoreAllMocks());

test('an event’s page: what, when, where and who; signing up two people takes two places, cancelling gives them back', async () => {
  const id = await publishedEvent('国家宪法日宣讲', 30);
  const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  render(<EventDetailView id={id} />);
  expect(await screen.findByText('国家宪法日宣讲')).toBeTruthy();
  expect(within(screen.getByLabelText('主题')).getByText('宪法进社区 · 宪法')).toBeTruthy();
  expect(within(screen.getByLabelText('时间')).getByText('12月4日 星期五 09:00–11:00')).toBeTruthy();
  expect(within(screen.getByLabelText('地点')).getByText('朝天咀路 1 号')).toBeTruthy();
  expect(within(screen.getByLabelText('地点')).getByText('查看位置')).toBeTruthy();
  expect(within(screen.getByLabelText('主办')).getByText('镇法治建设科')).toBeTruthy();
  expect(screen.getByLabelText('名额').textContent).toBe('名额还剩 30 个名额（共 30 个），已报名 0 人');

  fireEvent.click(document.querySelector('.nut-inputnumber-add')!);
  await settle();
  fireEvent.click(button('报名'));
  expect(await screen.findByText('已报名')).toBeTruthy();
  expect(screen.getByLabelText('名额').textContent).toBe('名额还剩 28 个名额（共 30 个），已报名 2 人');
  expect(await signedUpCount(id)).toBe(2);

  fireEvent.click(button('我的签到码'));
  expect(navigateTo).toHaveBeenCalledWith({ url: `/packages/events/check-in-code/index?id=${id}` });

  fireEvent.click(button('取消报名'));
  fireEvent.click(await screen.findByText('确定取消'));
  expect(await screen.findByText('报名', { selector: '.nut-button *' })).toBeTruthy();
  expect(screen.getByLabelText('名额').textContent).toBe('名额还剩 30 个名额（共 30 个），已报名 0 人');
  expect(await signedUpCount(id)).toBe(0);
});

test('when the last places go to someone else first, 报名 says so and the page shows the event full; nothing is overbooked', async () => {
  const id = await publishedEvent('民法典小课堂', 2);
  render(<EventDetailView id={id} />);
  expect(await screen.findByText('还剩 2 个名额（共 2 个），已报名 0 人', { exact: false })).toBeTruthy();
  // Another resident takes both places while this page is open.
  await api('POST', `/events/${id}/sign-ups`, await server.guestToken(), { people: 2 });

  fireEvent.click(button('报名'));
  expect((await screen.findByRole('alert')).textContent).toBe('名额已满');
  await waitFor(() => expect(screen.getByLabelText('名额').textContent).toBe('名额名额已满（共 2 个），已报名 2 人'));
  expect(screen.queryByText('报名', { selector: '.nut-button *' })).toBeNull();
  expect(screen.getByText('名额已满', { selector: '.event-detail__closed' })).toBeTruthy();
  expect(await signedUpCount(id)).toBe(2);
});

test('a cancelled event shows why and takes no sign-ups', async () => {
  const id = await publishedEvent('消费维权宣传', 20);
  await api('POST', `/staff/events/${id}/cancel`, desk, { reason: '因暴雨改期，另行通知' });
  render(<EventDetailView id={id} />);
  expect(await screen.findByText('活动已取消：因暴雨改期，另行通知')).toBeTruthy();
  expect(screen.queryByText('报名', { selector: '.nut-button *' })).toBeNull();
  expect(screen.queryByText('加入手机日历')).toBeNull();
});

test('my check-in code is shown as text with its QR, for the office to type or scan', async () => {
  const id = await publishedEvent('院坝会', null);
  const resident = Taro.getStorageSync('auth.resident');
  await api('POST', `/events/${id}/sign-ups`, resident, { people: 1 });
  const { code } = await api<{ code: string }>('GET', `/events/${id}/check-in-code`, resident);
  render(<CheckInCodeView id={id} />);
  expect((await screen.findByLabelText('签到码')).textContent).toBe(code);
  expect(screen.getByText('有效期至 2026-12-04 11:00')).toBeTruthy();
  expect(document.querySelectorAll('.check-in-code__module--dark').length).toBeGreaterThan(100);
});

test('in WeChat, 报名 asks for the event template on the tap, so a cancellation can reach the person; declining signs up all the same', async () => {
  const id = await publishedEvent('宪法宣传周院坝会', 30);
  const answers = ['accept', 'reject'];
  const asked: string[][] = [];
  const original = Taro.requestSubscribeMessage;
  Object.assign(Taro, {
    requestSubscribeMessage: async ({ tmplIds }: { tmplIds: string[] }) => {
      asked.push(tmplIds);
      return { [tmplIds[0]]: answers[asked.length - 1], errMsg: 'requestSubscribeMessage:ok' };
    },
  });
  const grants = () => server.db().selectFrom('notificationGrant').select(['template', 'remaining']).execute();
  process.env.TARO_ENV = 'weapp';
  try {
    const page = render(<EventDetailView id={id} />);
    // The template is known once 提醒我 is offered.
    await screen.findByText('提醒我');
    fireEvent.click(button('报名'));
    expect(await screen.findByText('已报名')).toBeTruthy();
    expect(asked).toEqual([['tpl-event-0004']]);
    expect(await grants()).toEqual([{ template: 'event', remaining: 1 }]);
    page.unmount();

    // Another person says no in WeChat's dialog: they are signed up, and nothing is granted.
    Taro.setStorageSync('auth.resident', await server.guestToken());
    render(<EventDetailView id={id} />);
    await screen.findByText('提醒我');
    fireEvent.click(button('报名'));
    expect(await screen.findByText('已报名')).toBeTruthy();
    expect(asked).toHaveLength(2);
    expect(await grants()).toEqual([{ template: 'event', remaining: 1 }]);
    expect(await signedUpCount(id)).toBe(2);
  } finally {
    process.env.TARO_ENV = 'h5';
    Object.assign(Taro, { requestSubscribeMessage: original });
  }
});
