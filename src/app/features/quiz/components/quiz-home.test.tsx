import { fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { DailyQuiz } from '@core/quiz/schemas';
import { useAppServer } from '../../../../../test/support/app-server';
import { QuizHome } from './quiz-home';

const server = useAppServer();
let token: string;

beforeEach(async () => {
  token = await server.signInResident();
});

afterEach(() => jest.restoreAllMocks());

const { db } = server;

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.apiBase}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  return response.json();
}

test('before today’s quiz: the card invites to start; the entries lead to practice, the 错题本 and contests', async () => {
  const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  render(<QuizHome />);
  const card = within(await screen.findByLabelText('每日一练'));
  await card.findByText('今天的 5 道题还没做，约 3 分钟');
  expect(card.getByText('每天练一练，坚持就有收获')).toBeTruthy();
  fireEvent.click(card.getByText('开始答题'));
  expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/quiz/daily/index' });

  await screen.findByText('0 道 ›');
  fireEvent.click(screen.getByText('专项练习'));
  expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/quiz/practice/index' });
  fireEvent.click(screen.getByText('错题本'));
  expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/quiz/wrong-book/index' });
  fireEvent.click(screen.getByText('知识竞赛'));
  expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/contest/list/index' });
});

test('once today’s quiz is done: the score, the streak, and the 错题本’s count', async () => {
  const { questions } = (await call('GET', '/quiz/daily')) as DailyQuiz;
  const rows = await db().selectFrom('quizQuestion').select(['id', 'answer']).where('id', 'in', questions.map((q) => q.id)).execute();
  const answerOf = new Map(rows.map((row) => [row.id, JSON.parse(row.answer) as number[]]));
  // Two answered wrongly (an unanswered question counts as wrong), three rightly.
  await call('POST', '/quiz/daily', {
    answers: questions.slice(2).map((q) => ({ questionId: q.id, chosen: answerOf.get(q.id) })),
  });

  render(<QuizHome />);
  const card = within(await screen.findByLabelText('每日一练'));
  await card.findByText('今天已完成 · 得分');
  expect(card.getByText('60 分')).toBeTruthy();
  expect(card.getByText('已连续练习 1 天')).toBeTruthy();
  expect(card.getByText('查看今天的解析')).toBeTruthy();
  expect(await screen.findByText('2 道 ›')).toBeTruthy();
});
