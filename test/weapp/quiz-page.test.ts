import { renderCompiledPage, requestThrough, storageIn, tapText, useServerWithFakeWeChat, waitFor, waitForText } from './mini-program-harness';

const server = useServerWithFakeWeChat({ templates: {} });

const letter = (index: number) => String.fromCharCode(65 + index);

// The compiled app's modules are cached per test file, so one page instance serves the whole file.
test('the compiled 每日一练: five questions answered one a screen, kept on the phone as they are chosen, scored by a real server, then reviewed', async () => {
  const { testApp, origin } = server();
  const { db } = testApp.database.handle;
  const storage = new Map<string, unknown>();
  const page = renderCompiledPage('packages/quiz/daily/index', {
    request: requestThrough(origin),
    login: (options: { success?: (result: object) => void }) =>
      options.success?.({ code: 'ok-openid-quiz-resident', errMsg: 'login:ok' }),
    ...storageIn(storage),
    setNavigationBarTitle: (options: { success?: () => void }) => options.success?.(),
  });

  await waitForText(page, '第 1 / 5 题');
  const [drawn] = await db.selectFrom('quizDaily').selectAll().execute();
  const ids = JSON.parse(drawn.questionIds) as string[];
  const rows = await db.selectFrom('quizQuestion').selectAll().where('id', 'in', ids).execute();
  const questions = ids.map((id) => {
    const row = rows.find((r) => r.id === id)!;
    return { ...row, options: JSON.parse(row.options) as string[], answer: JSON.parse(row.answer) as number[] };
  });

  for (const [index, question] of questions.entries()) {
    await waitForText(page, `第 ${index + 1} / 5 题`);
    await waitForText(page, question.stem);
    for (const option of question.answer) {
      if (question.type === 'true_false') tapText(page, '.nut-button', question.options[option]);
      else tapText(page, question.type === 'single' ? '.nut-radio' : '.nut-checkbox', `${letter(option)}. ${question.options[option]}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Each choice is on the phone at once, for the day, in case the app is closed before 交卷.
    await waitFor(
      () => {
        const kept = storage.get('quiz.daily.answers') as { date: string; chosen: Record<string, number[]> } | undefined;
        return kept?.date === drawn.date && JSON.stringify(kept.chosen[question.id]) === JSON.stringify(question.answer);
      },
      () => `question ${index + 1}'s answer to be kept; storage holds ${JSON.stringify(storage.get('quiz.daily.answers'))}`,
    );
    tapText(page, '.nut-button', index === 4 ? '交卷' : '下一题');
  }

  await waitForText(page, '逐题解析');
  expect(page.dom?.textContent).toContain('100 分');
  expect(page.dom?.textContent).toContain('答对 5 / 5 题 · 已连续 1 天');
  for (const question of questions) expect(page.dom?.textContent).toContain(question.explanation);
  expect(page.dom?.textContent).toContain('阅读第');
  const [scored] = await db.selectFrom('quizDaily').select(['score', 'correctCount', 'submittedAt']).execute();
  expect(scored).toMatchObject({ score: 100, correctCount: 5 });
  expect(scored.submittedAt).not.toBeNull();
  expect(storage.has('quiz.daily.answers')).toBe(false);
});
