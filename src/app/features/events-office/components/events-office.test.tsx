import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { useAppServer } from '../../../../../test/support/app-server';
import { settle, typeInField, typeInTextBox } from '../../../../../test/support/office-app';
import { EventForm } from './event-form';
import { EventSignUps } from './event-sign-ups';
import { StaffEventList } from './staff-event-list';

const server = useAppServer({ keepStorage: true });
const { api, db } = server;
let desk: string;

beforeAll(async () => {
  desk = await server.signInStaff('events.desk', '李科员');
  Taro.setStorageSync('auth.staff', desk);
});

afterEach(() => jest.restoreAllMocks());

const button = (name: string, scope: HTMLElement = document.body) => within(scope).getByText(name, { selector: '.nut-button *, .nut-button' });
const storedEvents = () => db().selectFrom('event').selectAll().execute();

/** An event a week from now (the form's default day), as the office's API creates it. */
async function draftEvent(title: string, capacity: number | null = 20): Promise<string> {
  const day = new Date(Date.now() + 7 * 24 * 3600_000).toISOString().slice(0, 10);
  const { id } = await api<{ id: string }>('POST', '/staff/events', desk, {
    title,
    type: 'yuanba',
    theme: '民法典与农村生活',
    law: '民法典',
    startsAt: `${day}T14:00:00+08:00`,
    endsAt: `${day}T16:00:00+08:00`,
    place: { name: '朝天咀社区院坝' },
    communityId: 'chaotianzui',
    organiser: '镇法治建设科',
    capacity,
    description: '村民关心的继承、婚姻家庭和土地承包问题，律师现场解答。',
  });
  return id;
}

test('the form writes each problem under its field and stores nothing; a good event is saved as a draft', async () => {
  const redirectTo = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' });
  render(<EventForm />);
  await settle();
  await typeInField('title', '讲');
  await typeInField('capacity', '0');
  fireEvent.click(button('存为草稿'));
  expect(await screen.findByText('活动名称至少 2 个字')).toBeTruthy();
  expect(screen.getByText('请选择活动类型')).toBeTruthy();
  expect(screen.getByText('请填写地点')).toBeTruthy();
  expect(screen.getByText('名额至少 1 人')).toBeTruthy();
  expect(screen.getByText('活动介绍至少 10 个字')).toBeTruthy();
  expect(await storedEvents()).toHaveLength(0);

  await typeInField('title', '宪法宣传周法治宣讲');
  fireEvent.click(within(screen.getByLabelText('活动类型')).getByText('法治宣讲'));
  await typeInField('theme', '宪法与我们的生活');
  await typeInField('law', '宪法');
  await typeInField('placeName', '朝天咀社区党群服务中心');
  await typeInField('organiser', '镇法治建设科');
  await typeInField('capacity', '');
  await typeInTextBox(screen.getByLabelText('活动介绍'), '宪法宣传周，讲解宪法与日常生活的关系。');
  fireEvent.click(button('存为草稿'));
  await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: '/staff/events/index' }));
  const [stored] = await storedEvents();
  expect(stored).toMatchObject({ title: '宪法宣传周法治宣讲', type: 'lecture', law: '宪法', status: 'draft', capacity: null, communityId: 'chaotianzui' });
  // The form's default: a week from today, 09:00–11:30 in Shanghai.
  expect(new Date(stored.startsAt).toISOString().slice(11, 16)).toBe('01:00');
  expect(new Date(stored.endsAt).toISOString().slice(11, 16)).toBe('03:30');
});

test('the office publishes a draft, and cancels an event only with a reason, which its list then shows', async () => {
  const draftId = await draftEvent('双龙村院坝会');
  render(<StaffEventList />);
  const row = await screen.findByLabelText('双龙村院坝会');
  expect(within(row).getByText('草稿')).toBeTruthy();
  fireEvent.click(button('发布', row));
  expect(await within(row).findByText('已发布')).toBeTruthy();
  expect((await db().selectFrom('event').select('status').where('id', '=', draftId).executeTakeFirstOrThrow()).status).toBe('published');

  fireEvent.click(button('取消活动', row));
  fireEvent.click(await screen.findByText('确定取消活动'));
  expect(await screen.findByText('取消原因（报名的人会收到）至少 2 个字')).toBeTruthy();
  expect((await db().selectFrom('event').select('status').where('id', '=', draftId).executeTakeFirstOrThrow()).status).toBe('published');

  await typeInTextBox(screen.getByLabelText('取消原因（报名的人会收到）'), '因暴雨改期');
  fireEvent.click(screen.getByText('确定取消活动'));
  expect(await within(row).findByText('已取消')).toBeTruthy();
  expect(within(row).getByText('取消原因：因暴雨改期')).toBeTruthy();
  expect(await db().selectFrom('event').select(['status', 'cancelReason']).where('id', '=', draftId).executeTakeFirstOrThrow()).toEqual({
    status: 'cancelled',
    cancelReason: '因暴雨改期',
  });
});

test('check-in by the code a resident shows, or by tapping their row; a wrong code is refused', async () => {
  const id = await draftEvent('民法典小课堂');
  await api('POST', `/staff/events/${id}/publish`, desk);
  const first = await server.guestToken();
  const second = await server.guestToken();
  await api('POST', `/events/${id}/sign-ups`, first, { people: 3 });
  await api('POST', `/events/${id}/sign-ups`, second, { people: 1 });
  const { code } = await api<{ code: string }>('GET', `/events/${id}/check-in-code`, first);

  render(<EventSignUps id={id} />);
  expect(await screen.findByText('共 2 份报名、4 人；已签到 0 人')).toBeTruthy();

  await typeInField('checkInCode', 'ZZZZZZZZ');
  fireEvent.click(button('签到'));
  expect((await screen.findByRole('alert')).textContent).toBe('签到码不对或不是本场活动的');

  await typeInField('checkInCode', code.toLowerCase());
  fireEvent.click(button('签到'));
  expect(await screen.findByText('共 2 份报名、4 人；已签到 3 人')).toBeTruthy();
  const firstRow = screen.getByLabelText(/^1\. /);
  expect(within(firstRow).getByText('3 人')).toBeTruthy();
  expect(within(firstRow).getByText(/^已签到 /)).toBeTruthy();

  fireEvent.click(button('点此签到', screen.getByLabelText(/^2\. /)));
  expect(await screen.findByText('共 2 份报名、4 人；已签到 4 人')).toBeTruthy();
  const checkedIn = await db().selectFrom('eventSignUp').select('checkedInAt').where('eventId', '=', id).execute();
  expect(checkedIn.every((row) => row.checkedInAt !== null)).toBe(true);
});

test('once a published event has started the office records 实到人数; a wrong number is explained and nothing stored', async () => {
  const id = await draftEvent('法治集中宣传', null);
  await api('POST', `/staff/events/${id}/publish`, desk);
  const attendance = async () => (await db().selectFrom('event').select('attendance').where('id', '=', id).executeTakeFirstOrThrow()).attendance;

  // Still to come: there is nobody to count yet.
  const before = render(<EventSignUps id={id} />);
  await screen.findByText('共 0 份报名、0 人；已签到 0 人');
  expect(screen.queryByLabelText('实到人数')).toBeNull();
  before.unmount();

  await db().updateTable('event').set({ startsAt: new Date(Date.now() - 3600_000).toISOString() }).where('id', '=', id).execute();
  render(<EventSignUps id={id} />);
  expect(await screen.findByText('尚未登记实到人数，统计时按已签到的 0 人计入受众')).toBeTruthy();
  await typeInField('attendance', '-3');
  fireEvent.click(button('登记实到人数'));
  expect((await screen.findByRole('alert')).textContent).toBe('实到人数不能为负数');
  await typeInField('attendance', '');
  fireEvent.click(button('登记实到人数'));
  await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('实到人数应为整数'));
  expect(await attendance()).toBeNull();

  await typeInField('attendance', '120');
  fireEvent.click(button('登记实到人数'));
  expect(await screen.findByText('已登记实到 120 人')).toBeTruthy();
  expect(screen.queryByRole('alert')).toBeNull();
  expect(await attendance()).toBe(120);
});
