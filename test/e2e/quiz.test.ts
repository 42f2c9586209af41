import path from 'node:path';
import type { Page } from 'playwright-core';
import { createStaffAccount } from '../../src/server/features/identity/staff-accounts';
import { button, field, outputDir, screenshotOnFailure, signInAtDesk, useServedBrowser } from './browser';

// The server's clock is the test's to move: a contest opens tomorrow, and time taken is the server's.
let clock = new Date();
const served = useServedBrowser({ now: () => clock });
/** The bank's answers from the server's own database: the page never receives them before submitting. */
async function answersOf(ids: readonly string[]) {
  const rows = await served()
    .testApp.database.handle.db.selectFrom('quizQuestion')
    .select(['id', 'type', 'answer'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, { type: row.type, answer: JSON.parse(row.answer) as number[] }]));
}

test('a resident does the daily practice: five questions, the score, each explanation and the article in full', async () => {
  const { testApp, origin } = served();
  const resident = await served().newPage();
  await screenshotOnFailure(resident, 'quiz-daily', async () => {
    await resident.goto(`${origin}/#/packages/quiz/daily/index`);
    await resident.getByLabel('答题进度').waitFor();
    const [drawn] = await testApp.database.handle.db.selectFrom('quizDaily').selectAll().execute();
    const ids = JSON.parse(drawn.questionIds) as string[];
    const answers = await answersOf(ids);
    for (const [position, id] of ids.entries()) {
      const { type, answer } = answers.get(id)!;
      for (const index of answer) {
        const choice = type === 'true_false' ? '.question-view__verdict' : '.question-view__option';
        await resident.locator(choice).nth(index).click();
      }
      if (position === 0) await resident.screenshot({ path: path.join(outputDir, 'quiz-daily-question.png'), fullPage: true });
      await button(resident, position === ids.length - 1 ? '交卷' : '下一题').click();
    }
    const summary = resident.getByLabel('今日成绩');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('答对 5 / 5 题');
    expect(await resident.getByLabel('解析').count()).toBe(5);
    await resident.screenshot({ path: path.join(outputDir, 'quiz-daily-result.png'), fullPage: true });

    const firstArticle = resident.getByLabel('法条原文').first();
    const label = (await firstArticle.locator('.cited-article__label').innerText()).split(' ').pop()!;
    await firstArticle.locator('.cited-article__open').click();
    await resident.locator('.law-article__label', { hasText: label }).waitFor();
    await resident.screenshot({ path: path.join(outputDir, 'quiz-article.png'), fullPage: true });
  });
  const [row] = await testApp.database.handle.db.selectFrom('quizDaily').selectAll().execute();
  expect(row.score).toBe(100);
}, 120_000);

interface PaperEntry {
  questionId: string;
  optionOrder: number[];
}

/** Answers the open paper on the page, every question right except those listed, choosing as a finger would. */
async function answerPaper(page: Page, userPaper: PaperEntry[], wrongOn: ReadonlySet<number>) {
  const answers = await answersOf(userPaper.map((entry) => entry.questionId));
  for (const [position, entry] of userPaper.entries()) {
    const { type, answer } = answers.get(entry.questionId)!;
    // The page shows options in the participant's own order: optionOrder[shown] = index in the bank.
    let shown = answer.map((bankIndex) => entry.optionOrder.indexOf(bankIndex));
    if (wrongOn.has(position)) shown = [entry.optionOrder.findIndex((bankIndex) => !answer.includes(bankIndex))];
    await page.getByLabel(new RegExp(`^第 ${position + 1} 题`)).click();
    for (const index of shown) {
      await page.locator(type === 'true_false' ? '.question-view__verdict' : '.question-view__option').nth(index).click();
    }
  }
}

test('staff create a contest; three residents take it; the ranking orders them by score, then time', async () => {
  const { testApp, origin } = served();
  const db = testApp.database.handle.db;
  const { oneTimePassword } = await createStaffAccount(db, { username: 'e2e.jingsai', displayName: '竞赛科员', role: 'staff' }, clock);
  await db.updateTable('staffAccount').set({ mustChangePassword: 0 }).where('username', '=', 'e2e.jingsai').execute();

  const office = await served().newPage();
  await screenshotOnFailure(office, 'quiz-contest-create', async () => {
    await signInAtDesk(office, origin, 'e2e.jingsai', oneTimePassword);
    await office.goto(`${origin}/#/staff/contest-new/index`);
    await field(office, 'title').fill('宪法宣传周民法典知识竞赛');
    await field(office, 'questionCount').fill('5');
    await field(office, 'timeLimitMinutes').fill('10');
    await button(office, '发布竞赛').click();
    await button(office, '确定发布').click();
    await office.getByText('宪法宣传周民法典知识竞赛').first().waitFor();
  });
  const contest = await db.selectFrom('contest').selectAll().executeTakeFirstOrThrow();
  expect(contest).toMatchObject({ title: '宪法宣传周民法典知识竞赛', questionCount: 5, timeLimitMinutes: 10, attemptsAllowed: 1 });

  // The contest opens tomorrow at 09:00 (the form's default window): the server's day moves there.
  const opens = new Date(contest.startsAt).getTime();
  clock = new Date(opens + 60_000);
  const residents: Record<'fast' | 'slow' | 'wrong', Page> = {
    fast: await served().newPage(),
    slow: await served().newPage(),
    wrong: await served().newPage(),
  };
  const papers = new Map<Page, PaperEntry[]>();
  for (const [name, page] of Object.entries(residents)) {
    await screenshotOnFailure(page, `quiz-contest-start-${name}`, async () => {
      await page.goto(`${origin}/#/packages/contest/detail/index?id=${contest.id}`);
      await page.locator('.nut-radio', { hasText: '朝天咀社区' }).first().click();
      await button(page, '开始答题').click();
      await page.getByLabel('答题卡').waitFor();
    });
    const attempts = await db.selectFrom('contestAttempt').select('paper').orderBy('startedAt').execute();
    papers.set(page, JSON.parse(attempts[attempts.length - 1].paper) as PaperEntry[]);
  }
  // Each participant drew their own option order.
  expect(new Set([...papers.values()].map((paper) => JSON.stringify(paper.map((e) => e.optionOrder)))).size).toBeGreaterThan(1);

  const submitAt = async (page: Page, name: string, minutes: number, wrongOn: ReadonlySet<number>) => {
    await screenshotOnFailure(page, `quiz-contest-take-${name}`, async () => {
      await answerPaper(page, papers.get(page)!, wrongOn);
      clock = new Date(opens + 60_000 + minutes * 60_000);
      await button(page, '交卷').click();
      await button(page, '确定交卷').click();
      await page.getByLabel('成绩').waitFor();
    });
  };
  await submitAt(residents.fast, 'fast', 1, new Set());
  await submitAt(residents.wrong, 'wrong', 2, new Set([0]));
  await submitAt(residents.slow, 'slow', 4, new Set());
  await residents.slow.screenshot({ path: path.join(outputDir, 'quiz-contest-result.png'), fullPage: true });

  const myRank = async (page: Page) => {
    await page.goto(`${origin}/#/packages/contest/ranking/index?id=${contest.id}`);
    const mine = page.locator('.ranking__row--mine');
    await mine.waitFor();
    return mine.getAttribute('aria-label');
  };
  expect(await myRank(residents.fast)).toBe('第 1 名');
  expect(await myRank(residents.slow)).toBe('第 2 名');
  expect(await myRank(residents.wrong)).toBe('第 3 名');
  // Taro's H5 router slides the page in; the picture is taken once it has arrived.
  await residents.wrong.waitForTimeout(1_000);
  await residents.wrong.screenshot({ path: path.join(outputDir, 'quiz-contest-ranking.png'), fullPage: true });
  expect(await residents.wrong.getByLabel('朝天咀社区').first().innerText()).toContain('3');

  const scored = await db.selectFrom('contestAttempt').select(['score', 'secondsTaken']).orderBy('score', 'desc').orderBy('secondsTaken').execute();
  expect(scored.map((a) => [a.score, a.secondsTaken])).toEqual([
    [100, 60],
    [100, 240],
    [80, 120],
  ]);
}, 180_000);
