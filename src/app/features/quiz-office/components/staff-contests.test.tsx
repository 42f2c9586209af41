import { fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Attempt } from '@core/quiz/schemas';
import { useAppServer } from '../../../../../test/support/app-server';
import { StaffContestList } from './staff-contest-list';
import { StaffContestResults } from './staff-contest-results';

const now = new Date('2026-12-04T10:00:00+08:00');
const server = useAppServer({ now: () => now, keepStorage: true });
const { api } = server;
let contestId: string;

beforeAll(async () => {
  const desk = await server.signInStaff('quiz.desk', '王科员', now);
  Taro.setStorageSync('auth.staff', desk);
  contestId = (
    await api<{ id: string }>('POST', '/staff/quiz/contests', desk, {
      title: '宪法宣传周知识竞赛',
      law: 'constitution',
      books: [],
      questionCount: 5,
      timeLimitMinutes: 10,
      attemptsAllowed: 1,
      startsAt: '2026-12-01T09:00:00+08:00',
      endsAt: '2026-12-07T18:00:00+08:00',
      audience: 'everyone',
    })
  ).id;
  await server.db().updateTable('grid').set({ population: 40 }).where('id', '=', 'chaotianzui-2').execute();
  // One resident of the second grid takes part, leaving every question unanswered.
  const resident = await server.guestToken();
  const attempt = await api<Attempt>('POST', `/quiz/contests/${contestId}/attempts`, resident, { communityId: 'chaotianzui', gridId: 'chaotianzui-2' });
  await api('POST', `/quiz/contests/${contestId}/attempts/${attempt.attemptId}/submit`, resident, {
    answers: attempt.questions.map((q) => ({ questionId: q.id, chosen: [] })),
  });
});

afterEach(() => jest.restoreAllMocks());

test('the office’s contest list leads to each contest’s results, and to the bank and the corrections', async () => {
  const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  render(<StaffContestList />);
  const row = within(await screen.findByLabelText('宪法宣传周知识竞赛'));
  expect(row.getByText('进行中')).toBeTruthy();
  expect(row.getByText('1 人参赛')).toBeTruthy();
  expect(row.getByText('每人 5 题，从宪法全文中随机抽取')).toBeTruthy();
  // The office's links lead everywhere but here.
  expect(screen.getByText('题库', { selector: '.nut-cell *' })).toBeTruthy();
  expect(screen.getByText('纠错', { selector: '.nut-cell *' })).toBeTruthy();
  expect(screen.queryByText('知识竞赛', { selector: '.nut-cell *' })).toBeNull();

  fireEvent.click(row.getByText('宪法宣传周知识竞赛'));
  expect(navigateTo).toHaveBeenCalledWith({ url: `/staff/contest/index?id=${contestId}` });
  fireEvent.click(screen.getByText('新建竞赛'));
  expect(navigateTo).toHaveBeenLastCalledWith({ url: '/staff/contest-new/index' });
});

test('a contest’s results for the office: the ranking, with nobody marked 我, and participation as counts and rates', async () => {
  render(<StaffContestResults id={contestId} />);
  const entry = within(await screen.findByLabelText('第 1 名'));
  expect(entry.getByText('0 分')).toBeTruthy();
  expect(entry.queryByText('我')).toBeNull();
  expect(screen.getByRole('status').textContent).toBe('共 1 人参赛');
  const grid = within(within(screen.getByLabelText('各网格参与情况')).getByLabelText('朝天咀社区第二网格'));
  expect(grid.getByText('1 人 / 40 人')).toBeTruthy();
  expect(grid.getByText('2.5%')).toBeTruthy();
  expect(within(within(screen.getByLabelText('各社区（村）参与情况')).getByLabelText('朝天咀社区')).getByText('未配置人口')).toBeTruthy();
});
