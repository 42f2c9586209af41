import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ReviewedAnswer } from '@core/quiz/schemas';
import { createTestApp, type TestApp } from '../../../../test/support/test-app';
import { ReviewedAnswerCard } from './reviewed-answer-card';

let testApp: TestApp;
let apiBase: string;
let token: string;

beforeAll(async () => {
  testApp = await createTestApp();
  apiBase = `${await testApp.app.listen({ host: '127.0.0.1', port: 0 })}/api`;
});

afterAll(() => testApp.close());

beforeEach(async () => {
  Taro.clearStorageSync();
  Object.assign(globalThis, { API_BASE: apiBase });
  const response = await fetch(`${apiBase}/auth/guest`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  token = ((await response.json()) as { token: string }).token;
  Taro.setStorageSync('auth.resident', token);
});

const db = () => testApp.database.handle.db;

async function settle() {
  // Taro's H5 components upgrade asynchronously.
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
}

/** One question of a law answered in practice, as the server reviews it. */
async function reviewedAnswer(law: 'civil-code' | 'constitution'): Promise<ReviewedAnswer> {
  const question = await db().selectFrom('quizQuestion').select(['id', 'answer']).where('law', '=', law).orderBy('id').executeTakeFirstOrThrow();
  const response = await fetch(`${apiBase}/quiz/practice/answers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ questionId: question.id, chosen: JSON.parse(question.answer) }),
  });
  return (await response.json()) as ReviewedAnswer;
}

async function typeReason(value: string) {
  let textarea: HTMLTextAreaElement | null = null;
  for (let i = 0; i < 40 && !textarea; i += 1) {
    textarea = document.querySelector('.report-question__reason textarea');
    if (!textarea) await settle();
  }
  if (!textarea) throw new Error('no reason box');
  await act(async () => {
    fireEvent.input(textarea!, { target: { value } });
  });
}

const reports = () => db().selectFrom('questionReport').select(['questionId', 'reason', 'status']).execute();

test('题目有误？ opens a short form: a reason under 5 characters is refused in the schema’s words and nothing is sent; a real one is sent and thanked', async () => {
  const answer = await reviewedAnswer('civil-code');
  render(<ReviewedAnswerCard answer={answer} position={2} />);
  expect(screen.getByText('第 2 题 · ' + { single: '单选题', multiple: '多选题', true_false: '判断题' }[answer.question.type])).toBeTruthy();

  fireEvent.click(screen.getByText('题目有误？'));
  await screen.findByText('这道题哪里有错？');
  await typeReason('  有错 ');
  fireEvent.click(screen.getByText('发送纠错'));
  expect(await screen.findByText('请至少用 5 个字写明哪里有错')).toBeTruthy();
  expect(await reports()).toEqual([]);

  await typeReason('  选项B与第一千零七十九条的原文不一致  ');
  fireEvent.click(screen.getByText('发送纠错'));
  expect(await screen.findByText('谢谢您的指正！镇法治建设科会核对这道题。')).toBeTruthy();
  expect(screen.queryByText('发送纠错')).toBeNull();
  expect(await reports()).toEqual([{ questionId: answer.question.id, reason: '选项B与第一千零七十九条的原文不一致', status: 'open' }]);
});
