import Taro from '@tarojs/taro';
import { Current, HOOKS_APP_ID, safeExecute } from '@tarojs/runtime';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createGridWorker, issueBindingCode } from '../../../server/features/identity/directory';
import { useAppServer } from '../../../../test/support/app-server';
import { MyShares } from '../../features/sharing/components/my-shares';
import EventDetailPage from '../../packages/events/detail/index';

// Two days before the event: it is open for sign-up.
const now = new Date('2026-12-02T10:00:00+08:00');
const server = useAppServer({ now: () => now });
const BANNER = '在朋友圈中只能浏览，点击下方「前往小程序」参与';
let eventId: string;
let worker: { id: string; token: string; sharerCode: string };
let desk: string;

async function publishedEvent(title: string): Promise<string> {
  const { id } = await server.api('POST', '/staff/events', desk, {
    title,
    type: 'lecture',
    theme: '宪法进社区',
    law: '宪法',
    startsAt: '2026-12-04T09:00:00+08:00',
    endsAt: '2026-12-04T11:00:00+08:00',
    place: { name: '朝天咀社区党群服务中心', address: '朝天咀路 1 号', latitude: 29.56, longitude: 106.58 },
    communityId: 'chaotianzui',
    organiser: '镇法治建设科',
    capacity: 30,
    description: '讲解宪法的基本原则，现场答疑，欢迎居民参加。',
  });
  await server.api('POST', `/staff/events/${id}/publish`, desk);
  return id;
}

beforeAll(async () => {
  desk = await server.signInStaff('share.events', '李科员', now);
  eventId = await publishedEvent('国家宪法日宣讲');
  const gridWorker = await createGridWorker(server.db(), { name: '李网格', gridId: 'chaotianzui-1' }, now);
  const { code } = await issueBindingCode(server.db(), 'grid_worker', gridWorker.id, now);
  const token = await server.guestToken();
  const me = await server.api('POST', '/me/bind', token, { code });
  worker = { id: gridWorker.id, token, sharerCode: me.gridWorker.sharerCode };
});

/** The page as WeChat opens it: from a Moments post (scene 1154) or a chat card (scene 1007). */
function openEventPage(scene: number, params: Record<string, string>) {
  jest.spyOn(Taro, 'getEnterOptionsSync').mockReturnValue({ scene, path: '/packages/events/detail/index', query: params } as ReturnType<
    typeof Taro.getEnterOptionsSync
  >);
  Object.assign(Current, { router: { path: '/packages/events/detail/index', params } });
  return render(<EventDetailPage />);
}

afterEach(() => {
  jest.restoreAllMocks();
  Object.assign(Current, { router: null });
});

const signUpButton = () => screen.queryByText('报名', { selector: '.nut-button *, .nut-button' });

test('opened from Moments, the event reads in full with the banner, and nothing asks for a sign-in or a sign-up', async () => {
  const request = jest.spyOn(Taro, 'request');
  openEventPage(1154, { id: eventId, g: 'chaotianzui-1', s: worker.sharerCode });
  await screen.findByText('国家宪法日宣讲');
  expect(screen.getByText(BANNER)).toBeTruthy();
  expect(within(screen.getByLabelText('时间')).getByText('12月4日 星期五 09:00–11:00')).toBeTruthy();
  expect(signUpButton()).toBeNull();
  expect(screen.queryByText('加入手机日历')).toBeNull();
  expect(screen.queryByText('复制链接，分享给居民')).toBeNull();
  // Only the event itself was asked for, as anyone may read it: no guest sign-in, no open recorded in anyone's name.
  const asked = request.mock.calls.map(([options]) => [options.method, options.url.replace(server.apiBase, ''), options.header?.Authorization]);
  expect(asked).toEqual([['GET', `/events/${eventId}`, undefined]]);
});

test('a grid worker’s event card carries them; the neighbour who opens it and signs up is counted on the worker’s 我的分享', async () => {
  Taro.setStorageSync('auth.resident', worker.token);
  const sharing = openEventPage(1007, { id: eventId });
  await screen.findByText('生成活动海报（带我的分享码）');
  const card = safeExecute(HOOKS_APP_ID, 'onShareAppMessage', { from: 'menu' }) as { title: string; path: string };
  expect(card).toMatchObject({
    title: '国家宪法日宣讲',
    path: `/packages/events/detail/index?id=${eventId}&g=chaotianzui-1&s=${worker.sharerCode}`,
  });
  sharing.unmount();

  // The neighbour's phone opens the card's path.
  Taro.clearStorageSync();
  await server.signInResident();
  const query = Object.fromEntries(new URLSearchParams(card.path.split('?')[1]));
  openEventPage(1007, query);
  await screen.findByText('国家宪法日宣讲');
  await waitFor(() => expect(signUpButton()).not.toBeNull());
  fireEvent.click(signUpButton()!);
  await screen.findByText('已报名');
  expect(screen.queryByText('生成活动海报（带我的分享码）')).toBeNull();

  const signUps = await server.db().selectFrom('eventSignUp').selectAll().where('eventId', '=', eventId).execute();
  expect(signUps).toEqual([expect.objectContaining({ sharerId: worker.id })]);

  Object.assign(Current, { router: null });
  Taro.setStorageSync('auth.resident', worker.token);
  render(<MyShares />);
  const row = within(await screen.findByLabelText('国家宪法日宣讲'));
  expect(row.getAllByText(/^\d+$/).map((cell) => cell.textContent)).toEqual(['1', '1', '0']);
});

test('the sign-up carries the card the page was opened with: attributed even when the report of the open never landed', async () => {
  const id = await publishedEvent('民法典进院坝');
  await server.signInResident();
  const request = Taro.request;
  const signUpBodies: unknown[] = [];
  jest.spyOn(Taro, 'request').mockImplementation(((options: Taro.request.Option) => {
    // The network drops the report of the open.
    if (options.url.endsWith('/shares/opens')) return Promise.reject(new Error('request:fail timeout'));
    if (options.url.endsWith('/sign-ups')) signUpBodies.push(options.data);
    return request(options);
  }) as typeof Taro.request);

  openEventPage(1007, { id, g: 'chaotianzui-1', s: worker.sharerCode });
  await screen.findByText('民法典进院坝');
  await waitFor(() => expect(signUpButton()).not.toBeNull());
  fireEvent.click(signUpButton()!);
  await screen.findByText('已报名');

  expect(signUpBodies).toEqual([expect.objectContaining({ people: 1, sharer: worker.sharerCode, grid: 'chaotianzui-1' })]);
  const signUps = await server.db().selectFrom('eventSignUp').select(['viaGridId', 'sharerId']).where('eventId', '=', id).execute();
  expect(signUps).toEqual([{ viaGridId: 'chaotianzui-1', sharerId: worker.id }]);
});
