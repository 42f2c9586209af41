import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { useAppServer } from '../../../../../test/support/app-server';
import { optionLetter } from '../../../shared/format/quiz-labels';
import { PracticeQuiz } from './practice-quiz';
import { WrongBook } from './wrong-book';

const server = useAppServer();
let token: string;

beforeEach(async () => {
  token = await server.signInResident();
});

afterEach(() => jest.restoreAllMocks());

const { db } = server;

async function settle() {
  // Taro's H5 components upgrade asynchronously.
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
}

type BankRow = { id: string; stem: string; type: 'single' | 'multiple' | 'true_false'; options: string[]; answer: number[] };

async function bankQuestions(book: string, count: number): Promise<BankRow[]> {
  const rows = await db()
    .selectFrom('quizQuestion')
    .select(['id', 'stem', 'type', 'options', 'answer'])
    .where('book', '=', book)
    .where('retired', '=', 0)
    .orderBy('id')
    .limit(count)
    .execute();
  return rows.map((row) => ({ ...row, options: JSON.parse(row.options) as string[], answer: JSON.parse(row.answer) as number[] }));
}

/** Answered in practice, earlier, from this phone. */
async function answeredEarlier(question: BankRow, right: boolean) {
  const chosen = right ? question.answer : [question.options.findIndex((_, index) => !question.answer.includes(index))];
  const response = await fetch(`${server.apiBase}/quiz/practice/answers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ questionId: question.id, chosen }),
  });
  expect(response.status).toBe(200);
}

test('with nothing answered wrongly, the book says it is empty', async () => {
  render(<WrongBook />);
  expect(await screen.findByText('错题本是空的')).toBeTruthy();
});

test('lists wrong answers by book with counts; practising them, a question answered right leaves the book', async () => {
  const [marriage1, marriage2] = await bankQuestions('第五编 婚姻家庭', 2);
  const [contract1] = await bankQuestions('第三编 合同', 1);
  await answeredEarlier(marriage1, false);
  await answeredEarlier(marriage1, false);
  await answeredEarlier(marriage2, false);
  await answeredEarlier(contract1, false);
  const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });

  render(<WrongBook />);
  await screen.findByText('错题本里有 3 道题');
  const marriageGroup = screen.getByText('民法典 · 第五编 婚姻家庭（2 道）').closest('.wrong-book__group') as HTMLElement;
  expect(within(marriageGroup).getByText(marriage1.stem)).toBeTruthy();
  expect(within(marriageGroup).getByText(marriage2.stem)).toBeTruthy();
  expect(within(marriageGroup).getByText(/答错 2 次/)).toBeTruthy();
  const contractGroup = screen.getByText('民法典 · 第三编 合同（1 道）').closest('.wrong-book__group') as HTMLElement;
  expect(within(contractGroup).getByText(contract1.stem)).toBeTruthy();

  fireEvent.click(within(marriageGroup).getByText('练习这 2 道'));
  const { url } = navigateTo.mock.calls[0][0];
  expect(url).toMatch(/^\/packages\/quiz\/practice\/index\?law=civil-code&book=.+&wrongOnly=1&title=/);
  expect(decodeURIComponent(url)).toContain('book=第五编 婚姻家庭');
  fireEvent.click(screen.getByText('练习错题（3 道）'));
  expect(navigateTo.mock.calls[1][0].url).toMatch(/^\/packages\/quiz\/practice\/index\?law=civil-code&wrongOnly=1&title=/);

  // Practising the book's wrong answers: only those two come, and answered right they leave the book.
  cleanup();
  render(<PracticeQuiz scope={{ law: 'civil-code', book: '第五编 婚姻家庭', wrongOnly: true }} title="民法典 · 第五编 婚姻家庭" />);
  const practised: string[] = [];
  for (let round = 0; round < 2; round += 1) {
    await screen.findByText('请先选择答案');
    const stem = document.querySelector('.question-view__stem')?.textContent;
    const question = [marriage1, marriage2].find((q) => q.stem === stem);
    if (!question) throw new Error(`a question not in the wrong book was offered: ${stem}`);
    practised.push(question.id);
    for (const index of question.answer) {
      const label = question.type === 'true_false' ? question.options[index] : `${optionLetter(index)}. ${question.options[index]}`;
      fireEvent.click(screen.getByText(label));
      await settle();
    }
    fireEvent.click(screen.getByText('提交答案'));
    await screen.findByText('答对了');
    fireEvent.click(screen.getByText('下一题'));
  }
  expect(new Set(practised)).toEqual(new Set([marriage1.id, marriage2.id]));
  expect(await screen.findByText('错题都练对了')).toBeTruthy();

  cleanup();
  render(<WrongBook />);
  await screen.findByText('错题本里有 1 道题');
  expect(screen.queryByText(marriage1.stem)).toBeNull();
  expect(screen.queryByText(/第五编 婚姻家庭/)).toBeNull();
  expect(screen.getByText(contract1.stem)).toBeTruthy();
});

test('a wrong answer practised wrongly again stays in the book, and the sitting says how many are still not right', async () => {
  const [question] = await bankQuestions('第六编 继承', 1);
  await answeredEarlier(question, false);

  render(<PracticeQuiz scope={{ law: 'civil-code', wrongOnly: true }} title="民法典" />);
  await screen.findByText('错题练习 · 民法典');
  await screen.findByText(question.stem);
  const wrong = question.options.findIndex((_, index) => !question.answer.includes(index));
  const label = question.type === 'true_false' ? question.options[wrong] : `${optionLetter(wrong)}. ${question.options[wrong]}`;
  fireEvent.click(screen.getByText(label));
  await settle();
  fireEvent.click(screen.getByText('提交答案'));
  await screen.findByText('答错了');
  fireEvent.click(screen.getByText('下一题'));

  expect(await screen.findByText('这一轮练完了，还有 1 道没有答对')).toBeTruthy();
  const [kept] = await db().selectFrom('quizWrongAnswer').select(['questionId', 'wrongCount']).where('questionId', '=', question.id).execute();
  expect(kept).toEqual({ questionId: question.id, wrongCount: 2 });
  fireEvent.click(screen.getByText('再练一遍'));
  expect(await screen.findByText(question.stem)).toBeTruthy();
});
