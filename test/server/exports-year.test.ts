import { maskMobile } from '../../src/core/feedback/mobile';
import { FEEDBACK_KIND_LABELS } from '../../src/core/feedback/schemas';
import { FEEDBACK_STATUS_LABELS } from '../../src/core/feedback/workflow';
import { ANNUAL_FIGURE_KEYS } from '../../src/core/reports/schemas';
import { shanghaiDateOf, shanghaiTimeOf } from '../../src/core/shared/shanghai-time';
import { figureSheets } from '../../src/server/features/exports/annual-file';
import { attachmentNames, download, readCsv, readWorkbook } from '../support/export-files';
import { apiCaller, signInStaff } from '../support/sign-in';
import { createTestApp, type TestApp } from '../support/test-app';
import { seedYear, type LedgerItem, type YearLedger } from '../support/year-data';

// A generated year (test/support/year-data.ts) through the office's files (issue 8, musts 2 and 3):
// the generator keeps its own account of what it made, and every export, opened back, must agree with it
// row by row; the annual workbook's sheets must hold exactly the rows behind each figure.

const now = new Date('2026-11-26T10:00:00+08:00');
const TODAY = shanghaiDateOf(now);
let testApp: TestApp;
let ledger: YearLedger;
let office: string;
const db = () => testApp.database.handle.db;
const inYear = (instant: string | null) => instant !== null && shanghaiDateOf(new Date(instant)).startsWith('2026-');
const minute = (instant: string) => `${shanghaiDateOf(new Date(instant))} ${shanghaiTimeOf(new Date(instant))}`;
const YEAR = 'from=2026-01-01&to=2026-12-31';

beforeAll(async () => {
  testApp = await createTestApp({ now: () => now });
  ledger = await seedYear(db(), { year: 2026, feedbackItems: 2_500, seed: 3, now });
  office = await signInStaff(testApp, { username: 'files.desk', displayName: '钱科员' }, now);
}, 120_000);

afterAll(() => testApp.close());

async function csvRows(url: string): Promise<Record<string, string>[]> {
  const file = await download(testApp, url, office);
  expect(file.status).toBe(200);
  const [headers, ...rows] = readCsv(file.body);
  return rows.map((cells) => Object.fromEntries(headers.map((h, i) => [h, cells[i]])));
}

test('the year’s feedback export: every item once, each row as the generator made the item', async () => {
  const rows = await csvRows(`/staff/exports/feedback?${YEAR}&format=csv`);
  const items = new Map(ledger.feedback.items.filter((i) => inYear(i.submittedAt)).map((i) => [i.id, i]));
  expect(items.size).toBeGreaterThan(1_000);
  expect(rows.map((r) => r['编号']).sort()).toEqual([...items.keys()].sort());
  const supervisors = new Map(ledger.supervisors.map((s) => [s.id, s.name]));
  const expected = (item: LedgerItem) => ({
    提交时间: minute(item.submittedAt),
    类型: FEEDBACK_KIND_LABELS[item.kind],
    现场提交: item.onSite ? '是' : '否',
    状态: FEEDBACK_STATUS_LABELS[item.status],
    首次答复时间: item.firstReplyAt === null ? '' : minute(item.firstReplyAt),
    答复期限: item.replyDue,
    是否超期: ['pending', 'accepted'].includes(item.status) && TODAY > item.replyDue ? '是' : '否',
    评价星级: item.ratingStars === null ? '' : String(item.ratingStars),
    提交人: item.anonymous ? '匿名' : item.kind === 'supervision' ? `监督员 ${supervisors.get(item.supervisorId as string)}` : '居民',
  });
  for (const row of rows) {
    const item = items.get(row['编号']) as LedgerItem;
    expect({ 编号: row['编号'], ...row }).toMatchObject({ 编号: item.id, ...expected(item) });
    if (item.anonymous || !item.hasMobile) expect(row['手机号']).toBe('');
    else expect(row['手机号']).toMatch(/^1[3-9]\d\*{4}\d{4}$/);
  }
  // Oldest first.
  const times = rows.map((r) => items.get(r['编号'])!.submittedAt);
  expect(times).toEqual([...times].sort());
  // The masked number is the stored one's.
  const stored = await db().selectFrom('feedbackItem').select(['id', 'mobile']).where('mobile', 'is not', null).execute();
  const masked = new Map(rows.map((r) => [r['编号'], r['手机号']]));
  for (const { id, mobile } of stored) if (masked.has(id)) expect(masked.get(id)).toBe(maskMobile(mobile as string));
}, 60_000);

test('each community’s feedback export holds the items of its stations', async () => {
  const communities = await db().selectFrom('community').select('id').execute();
  let total = 0;
  for (const { id } of communities) {
    const rows = await csvRows(`/staff/exports/feedback?${YEAR}&community=${id}&format=csv`);
    const expected = ledger.feedback.items.filter((i) => inYear(i.submittedAt) && i.communityId === id).map((i) => i.id);
    expect(rows.map((r) => r['编号']).sort()).toEqual(expected.sort());
    total += rows.length;
  }
  expect(total).toBe(ledger.feedback.items.filter((i) => inYear(i.submittedAt)).length);
}, 60_000);

test('sign-ups and quiz results of the year agree with the generator', async () => {
  const events = ledger.events.items.filter((e) => inYear(e.startsAt));
  const signUps = await csvRows(`/staff/exports/sign-ups?${YEAR}&format=csv`);
  const active = signUps.filter((r) => r['状态'] === '有效');
  expect(active).toHaveLength(events.reduce((sum, e) => sum + e.signUps, 0));
  expect(active.reduce((sum, r) => sum + Number(r['人数']), 0)).toBe(events.reduce((sum, e) => sum + e.signedUpPeople, 0));
  expect(active.filter((r) => r['签到时间'] !== '')).toHaveLength(events.reduce((sum, e) => sum + e.checkedInSignUps, 0));
  expect(signUps.every((r) => ['有效', '已取消'].includes(r['状态']))).toBe(true);

  const results = await csvRows(`/staff/exports/quiz-results?${YEAR}&format=csv`);
  const scored = ledger.quiz.attempts.filter((a) => a.score !== null && inYear(a.submittedAt));
  const contests = results.filter((r) => r['类型'] === '竞赛');
  expect(contests.map((r) => Number(r['得分'])).sort()).toEqual(scored.map((a) => a.score as number).sort());
  expect(new Set(contests.map((r) => r['答题人'])).size).toBe(new Set(scored.map((a) => a.userId)).size);
  expect(results.filter((r) => r['类型'] === '每日一练')).toHaveLength(ledger.quiz.daily.filter((d) => inYear(d.submittedAt)).length);
  expect(results).toHaveLength(ledger.annual.quizAttempts);
}, 60_000);

test('the annual workbook: 汇总 first, then one sheet per figure holding exactly the rows it counts, anonymised', async () => {
  const file = await download(testApp, '/staff/reports/annual.xlsx?year=2026', office);
  expect(file.status).toBe(200);
  expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(attachmentNames(file.headers['content-disposition'])).toEqual({ name: '2026年法治建设数据-白沙镇.xlsx', fallback: 'annual-summary-2026.xlsx' });
  const [summary, ...sheets] = await readWorkbook(file.body);
  const figures = figureSheets(db(), 2026, now);
  expect([summary.name, ...sheets.map((s) => s.name)]).toEqual(['汇总', ...figures.map((f) => f.title)]);

  const answer = await apiCaller(testApp)({ url: '/staff/reports/annual?year=2026', token: office });
  expect(summary.rows).toEqual([
    ['项目', '数量', '单位', '明细表'],
    ...ANNUAL_FIGURE_KEYS.map((key) => {
      const figure = answer.body.figures.find((f: { key: string }) => f.key === key);
      return [figure.label, ledger.annual[key], figure.unit, figures.find((f) => f.key === key)!.title];
    }),
    [],
    ['报告表述', answer.body.text],
  ]);

  for (const [i, figure] of figures.entries()) {
    const [headers, ...rows] = sheets[i].rows;
    expect(headers).toEqual(figure.columns.map((c) => c.header));
    const expectedRows = figure.key === 'eventAttendance' ? ledger.annual.events : ledger.annual[figure.key];
    expect({ sheet: figure.title, rows: rows.length }).toEqual({ sheet: figure.title, rows: expectedRows });
    if (figure.key === 'eventAttendance') expect(rows.reduce((sum, r) => sum + Number(r[r.length - 1]), 0)).toBe(ledger.annual.eventAttendance);
  }

  // Nobody is identified: no user id, openid or mobile number anywhere in the workbook.
  const text = sheets.flatMap((s) => s.rows.flat()).join('\n');
  const users = await db().selectFrom('appUser').select(['id', 'wechatOpenid']).execute();
  for (const user of users) {
    expect(text).not.toContain(user.id);
    if (user.wechatOpenid) expect(text).not.toContain(user.wechatOpenid);
  }
  const mobiles = await db().selectFrom('feedbackItem').select('mobile').where('mobile', 'is not', null).execute();
  expect(mobiles.length).toBeGreaterThan(0);
  for (const { mobile } of mobiles) {
    expect(text).not.toContain(mobile);
    expect(text).not.toContain(maskMobile(mobile as string));
  }
}, 60_000);

test('a bad year answers 400 in Chinese', async () => {
  const call = apiCaller(testApp);
  expect((await call({ url: '/staff/reports/annual.xlsx?year=1999', token: office })).body).toEqual({
    code: 'INVALID_REQUEST',
    message: '年份应在 2000–2100 之间',
  });
  expect((await call({ url: '/staff/reports/annual.xlsx?year=abc', token: office })).status).toBe(400);
});
