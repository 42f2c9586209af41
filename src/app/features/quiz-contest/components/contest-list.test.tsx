import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { useAppServer } from '../../../../../test/support/app-server';
import { settle } from '../../../../../test/support/office-app';
import { ContestDetailView } from './contest-detail';
import { ContestList } from './contest-list';

const now = new Date('2026-12-04T10:00:00+08:00');
const server = useAppServer({ now: () => now });
const { api } = server;
let desk: string;
const ids = { open: '', upcoming: '', ended: '' };

const createContest = async (title: string, startsAt: string, endsAt: string) =>
  (
    await api<{ id: string }>('POST', '/staff/quiz/contests', desk, {
      title,
      law: 'civil-code',
      books: [],
      questionCount: 10,
      timeLimitMinutes: 15,
      attemptsAllowed: 2,
      startsAt,
      endsAt,
      audience: 'everyone',
    })
  ).id;

beforeAll(async () => {
  desk = await server.signInStaff('quiz.desk', '王科员', now);
  ids.open = await createContest('民法典宣传周知识竞赛', '2026-12-01T09:00:00+08:00', '2026-12-07T18:00:00+08:00');
  ids.upcoming = await createContest('宪法日知识竞赛', '2026-12-10T09:00:00+08:00', '2026-12-12T18:00:00+08:00');
  ids.ended = await createContest('民法典宣传月知识竞赛', '2026-05-01T09:00:00+08:00', '2026-05-31T18:00:00+08:00');
});

beforeEach(() => server.signInResident());

afterEach(() => jest.restoreAllMocks());

test('contests are listed as open, upcoming and ended, each with its rules in words, and open at their page', async () => {
  const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  render(<ContestList />);
  const open = within(await screen.findByLabelText('进行中'));
  expect(open.getByText('民法典宣传周知识竞赛')).toBeTruthy();
  expect(open.getByText('每人 10 题，从民法典全文中随机抽取')).toBeTruthy();
  expect(open.getByText('15 分钟，到时自动交卷')).toBeTruthy();
  expect(open.getByText('每人可答 2 次，取最好成绩')).toBeTruthy();
  expect(open.getByText('12月1日 09:00 至 12月7日 18:00')).toBeTruthy();
  expect(open.getByText('所有人')).toBeTruthy();
  expect(open.getByText('已有 0 人参赛 · 我已答 0/2 次')).toBeTruthy();
  expect(within(screen.getByLabelText('即将开始')).getByText('宪法日知识竞赛')).toBeTruthy();
  expect(within(screen.getByLabelText('已结束')).getByText('民法典宣传月知识竞赛')).toBeTruthy();

  fireEvent.click(open.getByText('民法典宣传周知识竞赛'));
  expect(navigateTo).toHaveBeenCalledWith({ url: `/packages/contest/detail/index?id=${ids.open}` });
});

test('a contest not yet open says why and offers no start; an open one asks where the resident lives', async () => {
  render(<ContestDetailView id={ids.upcoming} />);
  expect((await screen.findByRole('status')).textContent).toBe('竞赛尚未开始，2026-12-10 09:00 开始');
  expect(screen.queryByLabelText('开始答题')).toBeNull();
  cleanup();

  render(<ContestDetailView id={ids.open} />);
  const form = within(await screen.findByLabelText('开始答题'));
  await settle();
  expect(form.getByText('您住在哪个社区或村？')).toBeTruthy();
  expect(form.getByText('所在网格（不清楚可以不选）')).toBeTruthy();
  expect(form.getByText('朝天咀社区第二网格')).toBeTruthy();
  expect(form.getByText('开始后计时 15 分钟，中途退出计时不停，到时自动交卷。')).toBeTruthy();
});

test('a grid worker is not asked where they live: their own grid counts', async () => {
  const worker = await api<{ id: string }>('POST', '/staff/grid-workers', desk, { name: '李网格', gridId: 'chaotianzui-2' });
  const { code } = await api<{ code: string }>('POST', `/staff/grid-workers/${worker.id}/binding-code`, desk);
  await api('POST', '/me/bind', Taro.getStorageSync('auth.resident'), { code });

  const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  render(<ContestDetailView id={ids.open} />);
  const form = within(await screen.findByLabelText('开始答题'));
  expect(form.getByText('以 朝天咀社区第二网格 网格员的身份参赛')).toBeTruthy();
  expect(form.queryByText('您住在哪个社区或村？')).toBeNull();
  fireEvent.click(form.getByText('开始答题', { selector: '.nut-button *, .nut-button' }));
  await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: expect.stringMatching(/^\/packages\/contest\/take\/index\?id=/) }));
  const attempt = await server.db()
    .selectFrom('contestAttempt')
    .select(['communityId', 'gridId'])
    .where('contestId', '=', ids.open)
    .executeTakeFirstOrThrow();
  expect(attempt).toEqual({ communityId: 'chaotianzui', gridId: 'chaotianzui-2' });
});
