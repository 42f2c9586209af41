import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { DailyQuiz as DailyQuizData, QuizQuestion } from '@core/quiz/schemas';
import { useAppServer } from '../../../../../test/support/app-server';
import { optionLetter } from '../../../shared/format/quiz-labels';
import { ArticleView } from './article-view';
import { DailyQuiz } from './daily-quiz';

const server = useAppServer();

afterEach(() => jest.restoreAllMocks());

const { db } = server;

const dailyRows = () => db().selectFrom('quizDaily').selectAll().execute();

/** A resident signed in on this phone, their id, and today's set as the server drew it for them. */
async function residentWithTodaysQuiz(): Promise<{ token: string; userId: string; questions: QuizQuestion[] }> {
  const before = new Set((await dailyRows()).map((row) => row.userId));
  const token = await server.signInResident();
  const response = await fetch(`${server.apiBase}/quiz/daily`, { headers: { authorization: `Bearer ${token}` } });
  const { questions } = (await response.json()) as DailyQuizData;
  const drawn = (await dailyRows()).find((row) => !before.has(row.userId));
  if (!drawn) throw new Error('no daily set was drawn');
  return { token, userId: drawn.userId, questions };
}

/** The bank's answers, read from the server's own database: the phone never receives them before submitting. */
async function rightAnswers(ids: readonly string[]): Promise<Map<string, number[]>> {
  const rows = await db().selectFrom('quizQuestion').select(['id', 'answer']).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((row) => [row.id, JSON.parse(row.answer) as number[]]));
}

/** Some choice that is not the answer. */
function wrongChoice(question: QuizQuestion, answer: number[]): number[] {
  const other = question.options.findIndex((_, index) => !answer.includes(index));
  return [other];
}

/** Article texts keep their line breaks, which getByText's plain string would never match. */
const fullText = (text: string) => (_content: string, element: Element | null) => element?.textContent === text;

async function settle() {
  // Taro's H5 components upgrade asynchronously.
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
}

/** Taps options as a resident does: letters for 单选/多选, the word for 判断. */
async function choose(question: QuizQuestion, chosen: number[]) {
  for (const index of chosen) {
    const label = question.type === 'true_false' ? question.options[index] : `${optionLetter(index)}. ${question.options[index]}`;
    fireEvent.click(screen.getByText(label));
    await settle();
  }
}

async function showsQuestion(question: QuizQuestion, position: number) {
  await screen.findByText(question.stem);
  expect(screen.getByText(`第 ${position} / 5 题`)).toBeTruthy();
}

test('five questions one a screen, submitted together; the result gives the score, each answer with its explanation and article, and the article opens in full', async () => {
  const { questions } = await residentWithTodaysQuiz();
  expect(questions).toHaveLength(5);
  const answers = await rightAnswers(questions.map((q) => q.id));
  const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });

  render(<DailyQuiz />);
  // The second is answered wrongly; the others rightly.
  for (const [index, question] of questions.entries()) {
    await showsQuestion(question, index + 1);
    await choose(question, index === 1 ? wrongChoice(question, answers.get(question.id)!) : answers.get(question.id)!);
    fireEvent.click(screen.getByText(index === 4 ? '交卷' : '下一题'));
  }

  await screen.findByText('逐题解析');
  expect(screen.getByLabelText('今日成绩').textContent).toContain('80 分');
  expect(screen.getByText(/答对 4 \/ 5 题 · 已连续 1 天/)).toBeTruthy();
  // The copy of today's quiz kept on the phone is fetched again, now with its result.
  await waitFor(() => expect((Taro.getStorageSync('quiz.daily') as DailyQuizData).result?.score).toBe(80));
  expect(screen.getAllByText('答对了')).toHaveLength(4);
  expect(screen.getAllByText('答错了')).toHaveLength(1);
  expect(screen.getByText('✗ 您的选择')).toBeTruthy();
  // Opened from a shared card there is nothing to go back to: the 答题 tab is one tap away.
  const switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' });
  fireEvent.click(screen.getByText('去专项练习、错题本'));
  expect(switchTab).toHaveBeenCalledWith({ url: '/pages/quiz/index' });

  const reviewed = await db().selectFrom('quizQuestion').select(['id', 'explanation', 'articles']).where('id', 'in', questions.map((q) => q.id)).execute();
  for (const { explanation } of reviewed) expect(screen.getByText(explanation)).toBeTruthy();
  expect(screen.getAllByLabelText('法条原文').length).toBeGreaterThanOrEqual(5);

  // Every cited article has its text under the explanation and a link to the whole of it.
  const firstCited = (JSON.parse(reviewed.find((q) => q.id === questions[0].id)!.articles) as number[])[0];
  const article = (await (await fetch(`${server.apiBase}/law/civil-code/articles/${firstCited}`)).json()) as {
    label: string;
    text: string;
    book: string;
    chapter: string;
  };
  expect(screen.getAllByText(fullText(article.text)).length).toBeGreaterThan(0);
  fireEvent.click(screen.getAllByText(`阅读${article.label}全文 ›`)[0]);
  expect(navigateTo).toHaveBeenCalledWith({ url: `/packages/quiz/article/index?law=civil-code&no=${firstCited}` });

  cleanup();
  render(<ArticleView law="civil-code" no={firstCited} />);
  await screen.findByText(article.label);
  expect(screen.getAllByText(fullText(article.text)).length).toBeGreaterThan(0);
  expect(screen.getByText(new RegExp(`^${article.book} · ${article.chapter}`))).toBeTruthy();
});

test('answers chosen before the app was closed are still there; the same set comes back, and once submitted the day shows its one result', async () => {
  const { token, userId, questions } = await residentWithTodaysQuiz();
  const answers = await rightAnswers(questions.map((q) => q.id));

  render(<DailyQuiz />);
  await showsQuestion(questions[0], 1);
  await choose(questions[0], answers.get(questions[0].id)!);
  fireEvent.click(screen.getByText('下一题'));
  await showsQuestion(questions[1], 2);
  const secondWrong = wrongChoice(questions[1], answers.get(questions[1].id)!);
  await choose(questions[1], secondWrong);

  // The app is closed and opened again: the same questions, and it goes on where the resident left off.
  cleanup();
  render(<DailyQuiz />);
  await showsQuestion(questions[2], 3);
  expect(screen.getByLabelText('第 1 题（已答）')).toBeTruthy();
  expect(screen.getByLabelText('第 2 题（已答）')).toBeTruthy();
  expect(screen.getByLabelText('第 3 题')).toBeTruthy();

  // 交卷 with questions unanswered says which, and sends nothing.
  fireEvent.click(screen.getByLabelText('第 5 题'));
  await showsQuestion(questions[4], 5);
  fireEvent.click(screen.getByText('交卷'));
  expect(await screen.findByText('第 3、4、5 题还没有作答，请答完再交卷')).toBeTruthy();
  const scored = () =>
    db().selectFrom('quizDaily').select(['results', 'score']).where('userId', '=', userId).where('submittedAt', 'is not', null).execute();
  expect(await scored()).toHaveLength(0);

  for (const position of [3, 4, 5]) {
    const question = questions[position - 1];
    fireEvent.click(screen.getByLabelText(`第 ${position} 题`));
    await showsQuestion(question, position);
    await choose(question, answers.get(question.id)!);
  }
  fireEvent.click(screen.getByText('交卷'));
  await screen.findByText('逐题解析');

  // What was chosen before the app closed is what was scored.
  const [attempt] = await scored();
  expect(attempt.score).toBe(80);
  const results = JSON.parse(attempt.results!) as { questionId: string; chosen: number[] }[];
  expect(results.find((r) => r.questionId === questions[1].id)?.chosen).toEqual(secondWrong);
  expect(Taro.getStorageSync('quiz.daily.answers')).toBe('');

  await waitFor(() => expect((Taro.getStorageSync('quiz.daily') as DailyQuizData).result?.score).toBe(80));

  // Opened again the same day, even without the copy on the phone: the server gives today's result, and no second attempt.
  cleanup();
  Taro.removeStorageSync('quiz.daily');
  render(<DailyQuiz />);
  await screen.findByText('逐题解析');
  expect(screen.queryByText('交卷')).toBeNull();
  expect(screen.getByLabelText('今日成绩').textContent).toContain('80 分');
  const again = await fetch(`${server.apiBase}/quiz/daily`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ answers: questions.map((q) => ({ questionId: q.id, chosen: answers.get(q.id) })) }),
  });
  expect(again.status).toBe(409);
  expect((await scored()).map((row) => row.score)).toEqual([80]);
});
