import { act, fireEvent, render, screen } from '@testing-library/react';
import type { ReviewedAnswer } from '@core/quiz/schemas';
import { useAppServer } from '../../../../test/support/app-server';
import { ReviewedAnswerCard } from './reviewed-answer-card';

const server = useAppServer();
let token: string;

beforeEach(async () => {
  token = await server.signInResident();
});

const { db } = server;

async function settle() {
  // Taro's H5 components upgrade asynchronously.
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
}

/** One question of a law answered in practice, as the server reviews it. */
async function reviewedAnswer(law: 'civil-code' | 'constitution'): Promise<ReviewedAnswer> {
  const question = await db().selectFrom('quizQuestion').select(['id', 'answer']).where('law', '=', law).orderBy('id').executeTakeFirstOrThrow();
  return server.api<ReviewedAnswer>('POST', '/quiz/practice/answers', token, { questionId: question.id, chosen: JSON.parse(question.answer) });
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
