import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Attempt, QuizQuestion } from '@core/quiz/schemas';
import { useAppServer } from '../../../../../test/support/app-server';
import { settle } from '../../../../../test/support/office-app';
import { optionLetter } from '../../../shared/format/quiz-labels';
import { ContestDetailView } from './contest-detail';
import { ContestRanking } from './contest-ranking';
import { ContestResultView } from './contest-result';
import { ContestTake } from './contest-take';

// The server's clock is pinned to a morning of the contest week and moved by hand; the phone's is the
// test machine's own, days away from it. A countdown that trusted the phone would be days out.
let serverClock = new Date('2026-12-04T10:00:00+08:00');
const moveServerClockTo = (instant: number) => {
  serverClock = new Date(instant);
};
// Kept before any test fakes the timers: a real pause, for work the real event loop must do.
const realSetTimeout = globalThis.setTimeout;
const realPause = (ms: number) => act(() => new Promise<void>((resolve) => realSetTimeout(resolve, ms)));

const server = useAppServer({ now: () => serverClock });
const { api, db } = server;
let contestId: string;

beforeAll(async () => {
  const desk = await server.signInStaff('quiz.desk', '王科员', serverClock);
  const contest = await api<{ id: string }>('POST', '/staff/quiz/contests', desk, {
    title: '民法典宣传月知识竞赛',
    law: 'civil-code',
    books: [],
    questionCount: 5,
    timeLimitMinutes: 1,
    attemptsAllowed: 2,
    startsAt: '2026-12-01T09:00:00+08:00',
    endsAt: '2026-12-07T18:00:00+08:00',
    audience: 'everyone',
  });
  contestId = contest.id;
  // The community's population as the town configuration would give it; the grids have none.
  await db().updateTable('community').set({ population: 200 }).where('id', '=', 'chaotianzui').execute();
});

beforeEach(() => {
  serverClock = new Date('2026-12-04T10:00:00+08:00');
});

afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

/** 开始答题 on the contest page, as a resident taps it; the paper's id from where the page goes next. */
async function startFromContestPage(grid: string | null): Promise<string> {
  const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  render(<ContestDetailView id={contestId} />);
  const form = within(await screen.findByLabelText('开始答题'));
  await settle();
  if (grid) fireEvent.click(form.getByText(grid));
  fireEvent.click(form.getByText('开始答题', { selector: '.nut-button *, .nut-button' }));
  await waitFor(() => expect(navigateTo).toHaveBeenCalled());
  const { url } = navigateTo.mock.calls[0][0];
  const attemptId = /[?&]attempt=([0-9a-f-]{36})/.exec(url)?.[1];
  expect(url).toBe(`/packages/contest/take/index?id=${contestId}&attempt=${attemptId}`);
  navigateTo.mockRestore();
  cleanup();
  return attemptId!;
}

/** The paper as the server keeps it for the resident, and the right answers in the order the resident sees the options. */
async function paperWithAnswers(token: string, attemptId: string) {
  const attempt = await api<Attempt>('GET', `/quiz/contests/${contestId}/attempts/${attemptId}`, token);
  const rows = await db().selectFrom('quizQuestion').select(['id', 'options', 'answer']).where('id', 'in', attempt.questions.map((q) => q.id)).execute();
  const rightAnswers = new Map(
    rows.map((row) => {
      const bankOptions = JSON.parse(row.options) as string[];
      const shown = attempt.questions.find((q) => q.id === row.id)!.options;
      return [row.id, (JSON.parse(row.answer) as number[]).map((index) => shown.indexOf(bankOptions[index])).sort()];
    }),
  );
  return { attempt, rightAnswers };
}

async function choose(question: QuizQuestion, chosen: number[]) {
  for (const index of chosen) {
    const label = question.type === 'true_false' ? question.options[index] : `${optionLetter(index)}. ${question.options[index]}`;
    fireEvent.click(screen.getByText(label));
    await settle();
  }
}

function wrongChoice(question: QuizQuestion, answer: number[]): number[] {
  return [question.options.findIndex((_, index) => !answer.includes(index))];
}

async function openPaper(attemptId: string) {
  render(<ContestTake contestId={contestId} attemptId={attemptId} />);
  await screen.findByLabelText('答题卡');
  await settle();
}

/** What the countdown shows, in seconds. */
function secondsShown(): number {
  const [minutes, seconds] = (document.querySelector('.nut-countdown')?.textContent ?? '').split(':').map(Number);
  return minutes * 60 + seconds;
}

test('a paper runs to the server’s deadline, survives the app being closed, and hands itself in at zero; the result and the ranking follow', async () => {
  const token = await server.signInResident();
  const attemptId = await startFromContestPage('朝天咀社区第一网格');
  const { attempt, rightAnswers } = await paperWithAnswers(token, attemptId);
  expect(attempt.questions).toHaveLength(5);
  const [first, second] = attempt.questions;

  await openPaper(attemptId);
  // The minute the contest allows, counted from the server's start: not the week between the clocks.
  expect(secondsShown()).toBeGreaterThan(50);
  expect(secondsShown()).toBeLessThanOrEqual(60);
  expect(screen.getByText(first.stem)).toBeTruthy();
  expect(screen.getByText('第 1/5 题 · 已答 0 题')).toBeTruthy();
  await choose(first, rightAnswers.get(first.id)!);
  fireEvent.click(screen.getByText('下一题'));
  await screen.findByText(second.stem);
  await choose(second, wrongChoice(second, rightAnswers.get(second.id)!));
  expect(screen.getByText('第 2/5 题 · 已答 2 题')).toBeTruthy();

  // The app is closed and opened again: the choices are still there.
  cleanup();
  await openPaper(attemptId);
  expect(screen.getByText('第 1/5 题 · 已答 2 题')).toBeTruthy();
  expect(screen.getByLabelText('第 1 题（已答）')).toBeTruthy();
  expect(screen.getByLabelText('第 3 题（未答）')).toBeTruthy();

  const redirectTo = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' });
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
  // The countdown's next frame was asked of the real clock; from then on it runs on the fake one.
  await realPause(50);
  const startedAt = Date.parse(attempt.startedAt);
  moveServerClockTo(startedAt + 30_000);
  act(() => jest.advanceTimersByTime(30_000));
  expect(secondsShown()).toBeGreaterThan(20);
  expect(secondsShown()).toBeLessThanOrEqual(30);
  expect(redirectTo).not.toHaveBeenCalled();

  moveServerClockTo(Date.parse(attempt.deadlineAt));
  act(() => jest.advanceTimersByTime(31_000));
  expect(screen.getByText('时间到，正在自动交卷…')).toBeTruthy();
  jest.useRealTimers();

  const resultUrl = `/packages/contest/result/index?id=${contestId}&attempt=${attemptId}`;
  await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: resultUrl }));
  const stored = await db().selectFrom('contestAttempt').selectAll().where('id', '=', attemptId).executeTakeFirstOrThrow();
  expect(stored).toMatchObject({ score: 20, correctCount: 1, secondsTaken: 60, communityId: 'chaotianzui', gridId: 'chaotianzui-1' });
  expect(JSON.parse(stored.answers!)).toEqual([rightAnswers.get(first.id), wrongChoice(second, rightAnswers.get(second.id)!), [], [], []]);

  cleanup();
  render(<ContestResultView contestId={contestId} attemptId={attemptId} />);
  const summary = within(screen.getByLabelText('成绩'));
  expect(summary.getByText('20 分')).toBeTruthy();
  expect(summary.getByText('答对 1/5 题')).toBeTruthy();
  expect(summary.getByText('用时 1分00秒')).toBeTruthy();
  expect(summary.getByText('第 1 名（共 1 人）')).toBeTruthy();
  const answers = within(screen.getByLabelText('答题详情'));
  expect(answers.getAllByText('答对了')).toHaveLength(1);
  expect(answers.getAllByText('答错了')).toHaveLength(4);
  expect(answers.getByText(first.stem)).toBeTruthy();
  expect(answers.getAllByText('您的答案：未作答')).toHaveLength(3);

  cleanup();
  render(<ContestRanking id={contestId} />);
  const mine = within(await screen.findByLabelText('第 1 名'));
  expect(mine.getByText('我')).toBeTruthy();
  expect(mine.getByText('20 分')).toBeTruthy();
  expect(mine.getByText('1分00秒')).toBeTruthy();
  const community = within(within(screen.getByLabelText('各社区（村）参与情况')).getByLabelText('朝天咀社区'));
  expect(community.getByText('1 人 / 200 人')).toBeTruthy();
  expect(community.getByText('0.5%')).toBeTruthy();
  const grids = within(screen.getByLabelText('各网格参与情况'));
  expect(within(grids.getByLabelText('朝天咀社区第一网格')).getByText('未配置人口')).toBeTruthy();
  expect(within(grids.getByLabelText('朝天咀社区第一网格')).getByText('1 人')).toBeTruthy();
  expect(within(grids.getByLabelText('朝天咀社区第二网格')).getByText('0 人')).toBeTruthy();

  // Opened again from an old link, the handed-in paper cannot be answered again.
  cleanup();
  render(<ContestTake contestId={contestId} attemptId={attemptId} />);
  expect((await screen.findByRole('alert')).textContent).toContain('这份答卷已经交过了');
  expect(screen.queryByLabelText('答题卡')).toBeNull();
});

test('handing in early asks first; a paper the server no longer takes says why, and its answers leave the phone', async () => {
  const token = await server.signInResident();
  const attemptId = await startFromContestPage(null);
  const { attempt } = await paperWithAnswers(token, attemptId);
  // Back on the contest page, the paper started is the way in: no second start.
  render(<ContestDetailView id={contestId} />);
  expect(await screen.findByText('您有一份答卷还没交，计时没有停。')).toBeTruthy();
  expect(screen.getByText('继续答题')).toBeTruthy();
  expect(screen.queryByLabelText('开始答题')).toBeNull();
  cleanup();

  await openPaper(attemptId);
  await choose(attempt.questions[0], [0]);
  expect(Taro.getStorageSync(`contest.attempt.${attemptId}`)).toMatchObject({ chosen: { [attempt.questions[0].id]: [0] } });

  fireEvent.click(screen.getByText('交卷', { selector: '.nut-button *, .nut-button' }));
  expect(await screen.findByText('还有 4 题没有作答。交卷后不能再改，确定交卷吗？')).toBeTruthy();
  fireEvent.click(screen.getByText('再检查一下'));
  await settle();
  expect(screen.getByText(attempt.questions[0].stem)).toBeTruthy();

  // Meanwhile the server's clock has gone past the deadline and its grace.
  moveServerClockTo(Date.parse(attempt.deadlineAt) + 60_000);
  fireEvent.click(screen.getByText('交卷', { selector: '.nut-button *, .nut-button' }));
  fireEvent.click(await screen.findByText('确定交卷'));
  expect((await screen.findByRole('alert')).textContent).toContain('已超过答题时限，本次答卷不计成绩');
  expect(screen.getByText('返回竞赛')).toBeTruthy();
  expect(Taro.getStorageSync(`contest.attempt.${attemptId}`)).toBeFalsy();
  const stored = await db().selectFrom('contestAttempt').select(['score', 'submittedAt']).where('id', '=', attemptId).executeTakeFirstOrThrow();
  expect(stored.score).toBeNull();
});
