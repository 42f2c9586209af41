import { attachmentNames, download, readCsv, readWorkbook, type CellValue } from '../support/export-files';
import { submitItem } from '../support/feedback-fixture';
import { apiCaller, bindSupervisor, signInGuest, signInStaff, type SignedInPerson } from '../support/sign-in';
import { createTestApp, type TestApp } from '../support/test-app';
import { firstStation } from '../support/town-fixture';

// The office's exports (issue 8, must 3): feedback, sign-ups and quiz results as .xlsx and CSV, opened
// back and read cell by cell against what was set up through the API and the database.

let clock = new Date('2026-02-28T23:59:59+08:00');
let testApp: TestApp;
let call: ReturnType<typeof apiCaller>;
let office: string;
const db = () => testApp.database.handle.db;
const at = (instant: string) => {
  clock = new Date(instant);
};

const MARCH = 'from=2026-03-01&to=2026-03-31';
const VILLAGE_STATION = 'xinqiao-red-station';
const FORMULA_CONTENT = '=HYPERLINK("http://evil.example","点我")，建议在河边增设垃圾分类回收点。';
const QUOTED_CONTENT = '超市"临期"食品打折，\n价签与实际不符。';

const items: Record<string, string> = {};
const replyDue: Record<string, string> = {};
const events: Record<string, string> = {};
const takers: Record<string, SignedInPerson> = {};

async function createEvent(title: string, communityId: string, startsAt: string, endsAt: string): Promise<string> {
  const created = await call({
    method: 'POST',
    url: '/staff/events',
    token: office,
    body: {
      title,
      type: 'yuanba',
      theme: '民法典',
      law: '民法典',
      startsAt,
      endsAt,
      place: { name: '院坝', address: null, latitude: null, longitude: null },
      communityId,
      organiser: '法治建设科',
      capacity: 50,
      description: '律师讲解民法典中的常见纠纷，现场答疑。',
    },
  });
  if (created.status !== 200) throw new Error(`Event creation failed: ${created.raw}`);
  expect((await call({ method: 'POST', url: `/staff/events/${created.body.id}/publish`, token: office })).status).toBe(200);
  return created.body.id;
}

async function signUp(eventId: string, person: SignedInPerson, people = 1): Promise<void> {
  const answer = await call({ method: 'POST', url: `/events/${eventId}/sign-ups`, token: person.token, body: { people } });
  if (answer.status !== 200) throw new Error(`Sign-up failed: ${answer.raw}`);
}

beforeAll(async () => {
  testApp = await createTestApp({ now: () => clock });
  call = apiCaller(testApp);
  office = await signInStaff(testApp, { username: 'export.desk', displayName: '周科员' }, clock);
  await db().insertInto('community').values({ id: 'xinqiao', name: '新桥村', kind: '村', population: 300 }).execute();
  await db()
    .insertInto('station')
    .values({
      id: VILLAGE_STATION,
      position: 1,
      name: '新桥村红色驿站',
      subtitle: '行政执法协调监督联系点',
      communityId: 'xinqiao',
      address: '新桥村村委会',
      latitude: 29.1,
      longitude: 106.2,
      daysOfMonth: '15,30',
      windowStart: '09:00',
      windowEnd: '11:30',
    })
    .execute();
  const [resident, guest, villager] = [await signInGuest(testApp), await signInGuest(testApp), await signInGuest(testApp)];
  const supervisor = await signInGuest(testApp);
  await bindSupervisor(testApp, office, supervisor, { name: '刘建国', certificateNo: 'BS-2026-301' });

  // The last second of February and the first of April in Shanghai: outside March.
  items.lateFebruary = (await submitItem(testApp, resident.token, { kind: 'inquiry', categoryId: 'other', content: '二月最后一秒提交的咨询事项。' })).id;
  at('2026-03-01T00:00:00+08:00');
  items.firstOfMarch = (await submitItem(testApp, resident.token, { kind: 'inquiry', categoryId: 'other', content: '三月第一秒提交的咨询事项。' })).id;
  at('2026-03-02T09:15:00+08:00');
  items.named = (
    await submitItem(testApp, resident.token, { mobile: '13812345678', place: { name: '菜市场东门', latitude: 29.08, longitude: 106.14 } })
  ).id;
  at('2026-03-02T09:20:00+08:00');
  items.anonymous = (
    await submitItem(testApp, guest.token, {
      kind: 'suggestion',
      categoryId: 'environment',
      anonymous: true,
      content: FORMULA_CONTENT,
      place: { name: '-1 楼 地下车库' },
    })
  ).id;
  at('2026-03-02T09:25:00+08:00');
  items.supervision = (
    await submitItem(testApp, supervisor.token, {
      kind: 'supervision',
      categoryId: 'transport',
      content: '旁听交通执法时发现执法记录仪未全程开启。',
      enforcementUnit: '区交通运输综合行政执法支队',
      caseReference: '江交执罚〔2026〕118号',
    })
  ).id;
  at('2026-03-02T09:30:00+08:00');
  items.village = (await submitItem(testApp, villager.token, { stationId: VILLAGE_STATION, categoryId: 'market', content: QUOTED_CONTENT })).id;

  at('2026-03-02T09:40:00+08:00');
  office = await signInStaff(testApp, { username: 'export.desk', displayName: '周科员' }, clock);
  events.x = await createEvent('民法典进院坝', 'chaotianzui', '2026-03-10T09:00:00+08:00', '2026-03-10T11:30:00+08:00');
  events.y = await createEvent('=SUM(1,2) 法治讲座', 'xinqiao', '2026-03-20T14:00:00+08:00', '2026-03-20T16:00:00+08:00');
  events.april = await createEvent('四月普法', 'chaotianzui', '2026-04-05T09:00:00+08:00', '2026-04-05T11:00:00+08:00');
  events.called = await createEvent('消费维权讲座', 'chaotianzui', '2026-03-15T14:00:00+08:00', '2026-03-15T16:00:00+08:00');
  at('2026-03-02T09:45:00+08:00');
  await signUp(events.x, resident, 2);
  at('2026-03-02T09:50:00+08:00');
  await signUp(events.x, guest);
  at('2026-03-02T09:55:00+08:00');
  expect((await call({ method: 'POST', url: `/events/${events.x}/sign-ups/cancel`, token: guest.token })).status).toBe(200);
  at('2026-03-02T10:00:00+08:00');
  await signUp(events.y, villager);
  at('2026-03-02T10:05:00+08:00');
  await signUp(events.april, resident);
  await signUp(events.called, villager, 2);
  // Called off after people signed up: their sign-ups stay as they were, the event's status changes.
  at('2026-03-02T10:10:00+08:00');
  const calledOff = await call({ method: 'POST', url: `/staff/events/${events.called}/cancel`, token: office, body: { reason: '讲师临时有事，改期另行通知' } });
  expect(calledOff.status).toBe(200);

  const act = (id: string, body: object) => call({ method: 'POST', url: `/staff/feedback/${id}/actions`, token: office, body });
  at('2026-03-03T14:20:00+08:00');
  office = await signInStaff(testApp, { username: 'export.desk', displayName: '周科员' }, clock);
  expect((await act(items.named, { action: 'reply', text: '已转城管中队处理。' })).status).toBe(200);
  at('2026-03-03T15:00:00+08:00');
  expect((await act(items.supervision, { action: 'accept' })).status).toBe(200);
  at('2026-03-04T09:00:00+08:00');
  office = await signInStaff(testApp, { username: 'export.desk', displayName: '周科员' }, clock);
  expect((await act(items.named, { action: 'reply', text: '城管中队已清理占道摊位。' })).status).toBe(200);
  expect((await call({ method: 'POST', url: `/feedback/mine/${items.named}/rating`, token: resident.token, body: { stars: 5 } })).status).toBe(200);

  at('2026-03-10T09:30:00+08:00');
  office = await signInStaff(testApp, { username: 'export.desk', displayName: '周科员' }, clock);
  const residentsSignUp = await db().selectFrom('eventSignUp').select('id').where('eventId', '=', events.x).where('userId', '=', resident.userId).executeTakeFirstOrThrow();
  expect((await call({ method: 'POST', url: `/staff/events/${events.x}/check-ins`, token: office, body: { signUpId: residentsSignUp.id } })).status).toBe(200);

  at('2026-03-31T23:59:59+08:00');
  const lateComer = await signInGuest(testApp);
  items.lastOfMarch = (await submitItem(testApp, lateComer.token, { kind: 'suggestion', categoryId: 'other', content: '三月最后一秒提交的建议事项。' })).id;
  at('2026-04-01T00:00:00+08:00');
  items.firstOfApril = (await submitItem(testApp, lateComer.token, { kind: 'suggestion', categoryId: 'other', content: '四月第一秒提交的建议事项。' })).id;

  for (const row of await db().selectFrom('feedbackItem').select(['id', 'replyDue']).execute()) replyDue[row.id] = row.replyDue;

  // Quiz results as the contest and daily routes leave them, with known scores and times.
  Object.assign(takers, { resident, villager, guest });
  const staffId = (await db().selectFrom('staffAccount').select('id').executeTakeFirstOrThrow()).id;
  await db()
    .insertInto('contest')
    .values({
      id: 'contest-march',
      title: '三八妇女节民法典竞赛',
      law: 'civil-code',
      books: '[]',
      questionCount: 5,
      timeLimitMinutes: 10,
      attemptsAllowed: 3,
      startsAt: '2026-03-01T00:00:00.000Z',
      endsAt: '2026-04-30T00:00:00.000Z',
      audience: 'everyone',
      createdBy: staffId,
      createdAt: '2026-02-20T00:00:00.000Z',
    })
    .execute();
  const attempt = (id: string, userId: string, seq: number, communityId: string, gridId: string | null, submittedAt: string | null, score: number | null, correct: number | null, seconds: number | null) => ({
    id,
    contestId: 'contest-march',
    userId,
    seq,
    communityId,
    gridId,
    paper: '[]',
    startedAt: '2026-03-05T01:00:00.000Z',
    deadlineAt: '2026-03-05T01:10:00.000Z',
    submittedAt,
    answers: submittedAt === null ? null : '[]',
    score,
    correctCount: correct,
    secondsTaken: seconds,
    viaGridId: null,
    sharerId: null,
  });
  await db()
    .insertInto('contestAttempt')
    .values([
      attempt('a-resident-1', resident.userId, 1, 'chaotianzui', 'chaotianzui-1', '2026-03-05T02:07:30.000Z', 80, 4, 270),
      attempt('a-villager-1', villager.userId, 1, 'xinqiao', null, '2026-03-06T12:00:00.000Z', 100, 5, 200),
      // Handed in after the limit: never scored, never counted.
      attempt('a-resident-2', resident.userId, 2, 'chaotianzui', 'chaotianzui-1', '2026-03-07T02:00:00.000Z', null, null, null),
      // Still open.
      attempt('a-guest-1', guest.userId, 1, 'chaotianzui', 'chaotianzui-2', null, null, null, null),
      // 00:00 on 1 April in Shanghai.
      attempt('a-guest-2', guest.userId, 2, 'chaotianzui', 'chaotianzui-2', '2026-03-31T16:00:00.000Z', 60, 3, 100),
    ])
    .execute();
  const daily = (userId: string, date: string, submittedAt: string | null, score: number | null, correct: number | null) => ({
    userId,
    date,
    questionIds: '[]',
    drawnAt: `${date}T00:00:00.000Z`,
    results: submittedAt === null ? null : '[]',
    score,
    correctCount: correct,
    submittedAt,
    viaGridId: null,
    sharerId: null,
  });
  await db()
    .insertInto('quizDaily')
    .values([
      daily(resident.userId, '2026-03-05', '2026-03-05T00:00:00.000Z', 60, 3),
      daily(villager.userId, '2026-03-31', '2026-03-31T15:59:59.000Z', 100, 5),
      daily(guest.userId, '2026-03-06', null, null, null),
      daily(guest.userId, '2026-02-28', '2026-02-28T15:59:59.000Z', 40, 2),
    ])
    .execute();

  at('2026-04-02T10:00:00+08:00');
  office = await signInStaff(testApp, { username: 'export.desk', displayName: '周科员' }, clock);
});

afterAll(() => testApp.close());

const FEEDBACK_HEADERS = ['编号', '提交时间', '类型', '类别', '内容', '地点', '驿站', '接待日', '现场提交', '状态', '首次答复时间', '答复期限', '是否超期', '评价星级', '提交人', '手机号'];
const STATION_NAME = firstStation.name;

/** The March rows as the office should read them, oldest first; null is an empty cell. */
function marchFeedback(): CellValue[][] {
  const row = (name: string, cells: CellValue[]) => [items[name], ...cells.slice(0, 10), replyDue[items[name]], ...cells.slice(10)];
  return [
    row('firstOfMarch', ['2026-03-01 00:00', '咨询', '其他', '三月第一秒提交的咨询事项。', null, STATION_NAME, '2026-03-15', '否', '待受理', null, '是', null, '居民', null]),
    row('named', ['2026-03-02 09:15', '投诉', '城市管理（占道经营、机动车违停）', '菜市场门口每天早上都有占道经营，车辆无法通行。', '菜市场东门', STATION_NAME, '2026-03-15', '否', '已答复', '2026-03-03 14:20', '否', 5, '居民', '138****5678']),
    row('anonymous', ['2026-03-02 09:20', '建议', '生态环境', FORMULA_CONTENT, '-1 楼 地下车库', STATION_NAME, '2026-03-15', '否', '待受理', null, '是', null, '匿名', null]),
    row('supervision', ['2026-03-02 09:25', '监督意见', '交通运输执法', '旁听交通执法时发现执法记录仪未全程开启。', null, STATION_NAME, '2026-03-15', '否', '已受理', null, '是', null, '监督员 刘建国', null]),
    row('village', ['2026-03-02 09:30', '投诉', '市场监管', QUOTED_CONTENT, null, '新桥村红色驿站', '2026-03-15', '否', '待受理', null, '是', null, '居民', null]),
    row('lastOfMarch', ['2026-03-31 23:59', '建议', '其他', '三月最后一秒提交的建议事项。', null, STATION_NAME, '2026-04-15', '否', '待受理', null, '否', null, '居民', null]),
  ];
}

/** What the same cells become in a CSV: all text, empty for nothing, formula starts defused. */
function asCsv(rows: CellValue[][]): string[][] {
  return rows.map((cells) =>
    cells.map((cell) => {
      if (cell === null) return '';
      if (typeof cell === 'number') return String(cell);
      return /^[=+\-@]/.test(cell) ? `'${cell}` : cell;
    }),
  );
}

async function xlsx(url: string): Promise<CellValue[][]> {
  const file = await download(testApp, url, office);
  expect(file.status).toBe(200);
  expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const sheets = await readWorkbook(file.body);
  expect(sheets).toHaveLength(1);
  return sheets[0].rows;
}

async function csv(url: string): Promise<string[][]> {
  const file = await download(testApp, url, office);
  expect(file.status).toBe(200);
  expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
  expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return readCsv(file.body);
}

describe('feedback', () => {
  test('the workbook: one row per item of the period, oldest first, cell by cell', async () => {
    const rows = await xlsx(`/staff/exports/feedback?${MARCH}&format=xlsx`);
    expect(rows[0]).toEqual(FEEDBACK_HEADERS);
    // Empty cells at the end of a row are not stored: compare rows padded to the header's width.
    expect(rows.slice(1).map((r) => [...r, ...Array(FEEDBACK_HEADERS.length - r.length).fill(null)])).toEqual(marchFeedback());
  });

  test('the CSV: the same cells, quoted where they must be, formula starts defused', async () => {
    const file = await download(testApp, `/staff/exports/feedback?${MARCH}&format=csv`, office);
    const text = file.body.toString('utf8');
    // The content with quotes, a comma and a line break travels as one quoted field.
    expect(text).toContain('"超市""临期""食品打折，\n价签与实际不符。"');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")，建议在河边增设垃圾分类回收点。"`);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = await csv(`/staff/exports/feedback?${MARCH}&format=csv`);
    expect(rows[0]).toEqual(FEEDBACK_HEADERS);
    expect(rows.slice(1)).toEqual(asCsv(marchFeedback()));
    // Text cells: the formula is data in the workbook, and its CSV form starts with an apostrophe.
    expect(rows[3][4].startsWith("'=")).toBe(true);
    expect(rows[3][5]).toBe("'-1 楼 地下车库");
  });

  test('one community: only the items of its stations', async () => {
    const rows = await xlsx(`/staff/exports/feedback?${MARCH}&community=xinqiao&format=xlsx`);
    expect(rows.slice(1).map((r) => r[0])).toEqual([items.village]);
    const all = await xlsx(`/staff/exports/feedback?${MARCH}&community=chaotianzui&format=xlsx`);
    expect(all.slice(1).map((r) => r[0])).toEqual(marchFeedback().filter((r) => r[0] !== items.village).map((r) => r[0]));
  });

  test('the period is whole Shanghai days: a day either side brings in the boundary items', async () => {
    const rows = await csv('/staff/exports/feedback?from=2026-02-28&to=2026-04-01&format=csv');
    expect(rows.slice(1).map((r) => r[0])).toEqual([items.lateFebruary, ...marchFeedback().map((r) => r[0]), items.firstOfApril]);
    const empty = await csv('/staff/exports/feedback?from=2026-05-01&to=2026-05-31&format=csv');
    expect(empty).toEqual([FEEDBACK_HEADERS]);
  });

  test('file names: Chinese in RFC 5987 with a plain fallback', async () => {
    const file = await download(testApp, `/staff/exports/feedback?${MARCH}&community=xinqiao&format=csv`, office);
    expect(attachmentNames(file.headers['content-disposition'])).toEqual({
      name: '反馈-2026-03-01至2026-03-31-新桥村.csv',
      fallback: 'feedback-2026-03-01-2026-03-31-xinqiao.csv',
    });
    expect(file.headers['cache-control']).toBe('no-store');
    const workbook = await download(testApp, `/staff/exports/feedback?${MARCH}&format=xlsx`, office);
    expect(attachmentNames(workbook.headers['content-disposition'])).toEqual({
      name: '反馈-2026-03-01至2026-03-31.xlsx',
      fallback: 'feedback-2026-03-01-2026-03-31.xlsx',
    });
  });
});

const SIGN_UP_HEADERS = ['活动', '活动时间', '社区', '活动状态', '报名时间', '人数', '状态', '签到时间'];
const MARCH_SIGN_UPS: CellValue[][] = [
  ['民法典进院坝', '2026-03-10 09:00', '朝天咀社区', '已发布', '2026-03-02 09:45', 2, '有效', '2026-03-10 09:30'],
  ['民法典进院坝', '2026-03-10 09:00', '朝天咀社区', '已发布', '2026-03-02 09:50', 1, '已取消', null],
  ['消费维权讲座', '2026-03-15 14:00', '朝天咀社区', '已取消', '2026-03-02 10:05', 2, '活动已取消', null],
  ['=SUM(1,2) 法治讲座', '2026-03-20 14:00', '新桥村', '已发布', '2026-03-02 10:00', 1, '有效', null],
];

describe('sign-ups', () => {
  test('the sign-ups of the events starting in the period, cancelled ones and those of a cancelled event marked, nobody named', async () => {
    const rows = await xlsx(`/staff/exports/sign-ups?${MARCH}&format=xlsx`);
    expect(rows[0]).toEqual(SIGN_UP_HEADERS);
    expect(rows.slice(1).map((r) => [...r, ...Array(SIGN_UP_HEADERS.length - r.length).fill(null)])).toEqual(MARCH_SIGN_UPS);
    const csvRows = await csv(`/staff/exports/sign-ups?${MARCH}&format=csv`);
    expect(csvRows).toEqual([SIGN_UP_HEADERS, ...asCsv(MARCH_SIGN_UPS)]);
    expect(csvRows[4][0]).toBe("'=SUM(1,2) 法治讲座");
    // No check-in code of any sign-up, nor anyone's id, is in the file.
    const raw = (await download(testApp, `/staff/exports/sign-ups?${MARCH}&format=csv`, office)).body.toString('utf8');
    const secrets = await db().selectFrom('eventSignUp').select(['id', 'userId', 'checkInCode']).execute();
    for (const s of secrets) for (const value of [s.id, s.userId, s.checkInCode]) expect(raw).not.toContain(value);
  });

  test('one community, and the file name', async () => {
    const file = await download(testApp, `/staff/exports/sign-ups?${MARCH}&community=xinqiao&format=csv`, office);
    expect(readCsv(file.body)).toEqual([SIGN_UP_HEADERS, ...asCsv(MARCH_SIGN_UPS.slice(3))]);
    expect(attachmentNames(file.headers['content-disposition']).name).toBe('活动报名-2026-03-01至2026-03-31-新桥村.csv');
  });
});

const QUIZ_HEADERS = ['类型', '竞赛名称', '提交时间', '社区', '网格', '得分', '答对题数', '用时(秒)', '答题人'];

describe('quiz results', () => {
  test('scored contest papers, then daily practice, each person under one short pseudonym', async () => {
    const rows = await xlsx(`/staff/exports/quiz-results?${MARCH}&format=xlsx`);
    expect(rows[0]).toEqual(QUIZ_HEADERS);
    const padded = rows.slice(1).map((r) => [...r, ...Array(QUIZ_HEADERS.length - r.length).fill(null)]);
    const labels = padded.map((r) => r[8]);
    expect(padded.map((r) => r.slice(0, 8))).toEqual([
      ['竞赛', '三八妇女节民法典竞赛', '2026-03-05 10:07', '朝天咀社区', '朝天咀社区第一网格', 80, 4, 270],
      ['竞赛', '三八妇女节民法典竞赛', '2026-03-06 20:00', '新桥村', null, 100, 5, 200],
      ['每日一练', null, '2026-03-05 08:00', null, null, 60, 3, null],
      ['每日一练', null, '2026-03-31 23:59', null, null, 100, 5, null],
    ]);
    // The resident's two rows share a label, the villager's two another; neither is an id.
    expect(labels[0]).toBe(labels[2]);
    expect(labels[1]).toBe(labels[3]);
    expect(labels[0]).not.toBe(labels[1]);
    for (const label of labels) expect(label).toMatch(/^[0-9a-f]{12}$/);
    for (const person of Object.values(takers)) expect(labels.join()).not.toContain(person.userId.slice(0, 6));

    const again = await csv(`/staff/exports/quiz-results?${MARCH}&format=csv`);
    expect(again.slice(1).map((r) => r[8])).toEqual(labels);
    expect(again[1]).toEqual(['竞赛', '三八妇女节民法典竞赛', '2026-03-05 10:07', '朝天咀社区', '朝天咀社区第一网格', '80', '4', '270', labels[0]]);
  });

  test("a community's results hold its contest papers only: daily practice names no community", async () => {
    const rows = await csv(`/staff/exports/quiz-results?${MARCH}&community=xinqiao&format=csv`);
    expect(rows.slice(1).map((r) => r.slice(0, 8))).toEqual([['竞赛', '三八妇女节民法典竞赛', '2026-03-06 20:00', '新桥村', '', '100', '5', '200']]);
  });
});

describe('refusals', () => {
  test.each([
    ['format=pdf', '导出格式只能是 xlsx 或 csv'],
    ['', '导出格式只能是 xlsx 或 csv'],
  ])('a bad format (%s) answers 400 in Chinese', async (format, message) => {
    const answer = await call({ url: `/staff/exports/feedback?${MARCH}&${format}`, token: office });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ code: 'INVALID_REQUEST', message });
  });

  test.each([
    ['from=2026-03-31&to=2026-03-01', '结束日期不能早于开始日期'],
    ['from=2020-01-01&to=2026-03-01', '统计区间最长五年'],
    ['from=2026-02-30&to=2026-03-01', '开始日期应为存在的日期，格式如 2026-01-31'],
    ['from=2026-13-01&to=2026-03-01', '开始日期应为存在的日期，格式如 2026-01-31'],
    ['to=2026-03-01', '开始日期不能为空'],
    ['from=2026-03-01&to=2026-03-31&community=..%2Fetc', '社区编号格式不对'],
  ])('a bad period or community (%s) answers 400 naming it', async (query, message) => {
    for (const path of ['feedback', 'sign-ups', 'quiz-results']) {
      const answer = await call({ url: `/staff/exports/${path}?${query}&format=csv`, token: office });
      // One message, for the field at fault: a date that is no date is not also called out of order.
      expect(answer.body).toEqual({ code: 'INVALID_REQUEST', message });
      expect(answer.status).toBe(400);
    }
  });

  test('a community the town does not have: 404 before any file starts', async () => {
    for (const path of ['feedback', 'sign-ups', 'quiz-results']) {
      const answer = await call({ url: `/staff/exports/${path}?${MARCH}&community=nowhere&format=xlsx`, token: office });
      expect(answer.status).toBe(404);
      expect(answer.body).toEqual({ code: 'COMMUNITY_NOT_FOUND', message: '没有这个社区' });
    }
  });

  test('staff only: a resident is refused, nobody signed in is asked to sign in', async () => {
    const resident = await signInGuest(testApp);
    for (const path of ['feedback', 'sign-ups', 'quiz-results']) {
      const url = `/staff/exports/${path}?${MARCH}&format=csv`;
      expect((await call({ url, token: resident.token })).status).toBe(403);
      expect((await call({ url })).body).toEqual({ code: 'SIGN_IN_REQUIRED', message: '请先登录' });
    }
    expect((await call({ url: '/staff/reports/annual.xlsx?year=2026', token: resident.token })).status).toBe(403);
    expect((await call({ url: '/staff/reports/annual.xlsx?year=2026' })).status).toBe(401);
  });
});
