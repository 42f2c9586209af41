import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { QuizQuestion } from '@core/quiz/schemas';
import { useAppServer } from '../../../../../test/support/app-server';
import { optionLetter } from '../../../shared/format/quiz-labels';
import { PracticeQuiz } from './practice-quiz';
import { PracticeScopes } from './practice-scopes';

const server = useAppServer();

beforeEach(() => server.signInResident());

afterEach(() => jest.restoreAllMocks());

const { db } = server;

/** Article texts keep their line breaks, which getByText's plain string would never match. */
const fullText = (text: string) => (_content: string, element: Element | null) => element?.textContent === text;

async function settle() {
  // Taro's H5 components upgrade asynchronously.
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
}

async function bankQuestion(stem: string) {
  const row = await db().selectFrom('quizQuestion').selectAll().where('stem', '=', stem).executeTakeFirstOrThrow();
  return { ...row, answer: JSON.parse(row.answer) as number[], options: JSON.parse(row.options) as string[] };
}

/** The question on screen, found in the bank by its stem. */
async function questionOnScreen() {
  const stem = document.querySelector('.question-view__stem')?.textContent;
  if (!stem) throw new Error('no question on screen');
  return bankQuestion(stem);
}

async function choose(question: Pick<QuizQuestion, 'type' | 'options'>, chosen: number[]) {
  for (const index of chosen) {
    const label = question.type === 'true_false' ? question.options[index] : `${optionLetter(index)}. ${question.options[index]}`;
    fireEvent.click(screen.getByText(label));
    await settle();
  }
}

test('the scopes list each book and chapter with its question count, and a chapter opens its practice', async () => {
  const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  render(<PracticeScopes />);
  const marriage = await screen.findByText('第五编 婚姻家庭');
  const inBank = await db().selectFrom('quizQuestion').select('chapter').where('book', '=', '第五编 婚姻家庭').where('retired', '=', 0).execute();
  const bookRow = marriage.closest('.nut-collapse-item') as HTMLElement;
  expect(within(bookRow).getAllByText(`${inBank.length} 题`).length).toBeGreaterThan(0);

  fireEvent.click(marriage);
  await settle();
  const chapterTitle = '第三章 家庭关系';
  const chapterCount = inBank.filter((q) => q.chapter === chapterTitle).length;
  const chapterCell = within(bookRow).getByText(chapterTitle).closest('.practice-scopes__chapter') as HTMLElement;
  expect(within(chapterCell).getByText(`${chapterCount} 题`)).toBeTruthy();
  fireEvent.click(chapterCell);
  const { url } = navigateTo.mock.calls[0][0];
  expect(url).toMatch(/^\/packages\/quiz\/practice\/index\?law=civil-code&chapter=\d+&title=/);
  expect(decodeURIComponent(url)).toContain(`title=${chapterTitle}`);

  // The Constitution has no books: its chapters are listed at once.
  cleanup();
  render(<PracticeScopes />);
  fireEvent.click(await screen.findByText('中华人民共和国宪法'));
  await settle();
  expect(screen.getByText('练习全部题目')).toBeTruthy();
  expect(screen.getByText('第二章 公民的基本权利和义务')).toBeTruthy();
});

test('each answer is followed by its explanation and article; 下一题 brings one not yet shown; a wrong answer goes into the 错题本', async () => {
  const bookTitle = '第五编 婚姻家庭';
  render(<PracticeQuiz scope={{ law: 'civil-code', book: bookTitle }} title={bookTitle} />);
  await screen.findByText(bookTitle);
  await screen.findByText(/本次已练 0 题/);
  const first = await questionOnScreen();
  expect(first.book).toBe(bookTitle);
  expect(screen.getByText('请先选择答案')).toBeTruthy();

  const wrong = [first.options.findIndex((_, index) => !first.answer.includes(index))];
  await choose(first, wrong);
  fireEvent.click(screen.getByText('提交答案'));
  await screen.findByText('答错了');
  expect(screen.getByText(first.explanation)).toBeTruthy();
  const [cited] = JSON.parse(first.articles) as number[];
  const article = (await (await fetch(`${server.apiBase}/law/civil-code/articles/${cited}`)).json()) as { label: string; text: string };
  expect(screen.getAllByText(fullText(article.text)).length).toBeGreaterThan(0);
  expect(screen.getByText(`阅读${article.label}全文 ›`)).toBeTruthy();
  expect(screen.getByText(/本次已练 1 题/)).toBeTruthy();
  const inWrongBook = await db().selectFrom('quizWrongAnswer').select('questionId').execute();
  expect(inWrongBook.map((row) => row.questionId)).toEqual([first.id]);

  fireEvent.click(screen.getByText('下一题'));
  await screen.findByText('请先选择答案');
  const second = await questionOnScreen();
  expect(second.id).not.toBe(first.id);
  expect(second.book).toBe(bookTitle);
  await choose(second, second.answer);
  fireEvent.click(screen.getByText('提交答案'));
  await screen.findByText('答对了');
  expect(screen.getAllByText('✓ 您选对了')).toHaveLength(second.answer.length);
  expect(screen.getByText(second.explanation)).toBeTruthy();
});
