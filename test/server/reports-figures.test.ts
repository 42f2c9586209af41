import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { SessionSummary } from '../../src/core/feedback/schemas';
import { ANNUAL_FIGURE_KEYS } from '../../src/core/reports/schemas';
import type { DatabaseSchema, FeedbackItemTable } from '../../src/server/db/schema';
import { figureSheets } from '../../src/server/features/exports/annual-file';
import { TRANSPARENCY_CACHE_MS } from '../../src/server/features/reports/routes';
import { submitItem } from '../support/feedback-fixture';
import { apiCaller, signInGuest, signInStaff } from '../support/sign-in';
import { createTestApp, type TestApp } from '../support/test-app';
import { firstStation } from '../support/town-fixture';

// The office's dashboard, the annual summary with the rows behind each figure, and the public page
// (issue 8), over a small data set built by hand so that every figure is known: June 2026, with items
// on both sides of Shanghai midnight at each end, a second community, and events, contests and daily
// practice around the same edges. The clock stands on 3 July 2026, after everything in June has ended.

let clock = new Date('2026-06-15T09:30:00+08:00');
let testApp: TestApp;
let call: ReturnType<typeof apiCaller>;
let office: string;
let staffId: string;
let apiItemId: string;
const db = () => testApp.database.handle.db;
const at = (shanghai: string) => new Date(shanghai).toISOString();

const JUNE = 'from=2026-06-01&to=2026-06-30';
const STATION = firstStation.id;
const VILLAGE_STATION = 'xinqiao-red-station';
/** Text only the submitter wrote: it must never reach a sheet or the public page. */
const SECRET_CONTENT = '我是住在三号楼的王某某，菜市场门口天天占道经营。';
const MOBILE = '13812345678';

const users: Record<string, string> = {};
const user = (name: string) => users[name];
const supervisors = { jia: randomUUID(), yi: randomUUID(), bing: randomUUID(), ding: randomUUID() };

async function addUsers(names: string[]) {
  for (const name of names) {
    users[name] = randomUUID();
    await db().insertInto('appUser').values({ id: users[name], kind: 'guest', wechatOpenid: null, createdAt: at('2026-01-01T08:00:00+08:00') }).execute();
  }
}

interface ItemSpec {
  id: string;
  submittedAt: string;
  replies?: string[];
  fields: Partial<Insertable<FeedbackItemTable>>;
}

/** An item as the server stores it, with a history holding its replies (the first is what counts). */
async function addItem({ id, submittedAt, replies = [], fields }: ItemSpec) {
  await db()
    .insertInto('feedbackItem')
    .values({
      id,
      clientId: randomUUID(),
      submitterId: user('resident'),
      kind: 'complaint',
      categoryId: 'city-management',
      content: SECRET_CONTENT,
      placeName: null,
      latitude: null,
      longitude: null,
      incidentAt: null,
      anonymous: 0,
      mobile: MOBILE,
      enforcementUnit: null,
      caseReference: null,
      supervisorId: null,
      stationId: STATION,
      sessionDate: '2026-06-15',
      onSite: 0,
      status: 'pending',
      reopened: 0,
      flagged: 0,
      duplicateOf: null,
      submittedAt,
      replyDue: '2026-12-31',
      ratingStars: null,
      ratingComment: null,
      ratedAt: null,
      viaGridId: null,
      sharerId: null,
      ...fields,
    })
    .execute();
  const history = [
    { action: 'submitted', at: submittedAt, actorKind: 'submitter' as const },
    ...replies.map((replyAt) => ({ action: 'replied', at: replyAt, actorKind: 'staff' as const, text: '已转执法队核查。' })),
  ];
  await db()
    .insertInto('feedbackEvent')
    .values(history.map((event, index) => ({ itemId: id, seq: index + 1, staffId: null, text: null, ...event })))
    .execute();
}

const items = {
  /** 31 May 23:59:59.999 in Shanghai: outside June, still open and overdue. */
  beforeJune: randomUUID(),
  /** 1 June 00:00 in Shanghai (31 May 16:00 UTC): in June. Replied after 10 hours, and again later. */
  firstInstant: randomUUID(),
  /** 30 June 23:59:59.999 in Shanghai: the last instant of June. */
  lastInstant: randomUUID(),
  /** 1 July 00:00 in Shanghai (30 June 16:00 UTC): outside June. */
  afterJune: randomUUID(),
  supervision: randomUUID(),
  village: randomUUID(),
  rejected: randomUUID(),
  overdue: randomUUID(),
  villageOverdue: randomUUID(),
};

async function addFeedback() {
  await addItem({
    id: items.beforeJune,
    submittedAt: '2026-05-31T15:59:59.999Z',
    fields: { sessionDate: '2026-06-15', replyDue: '2026-06-09' },
  });
  await addItem({
    id: items.firstInstant,
    submittedAt: '2026-05-31T16:00:00.000Z',
    replies: [at('2026-06-01T10:00:00+08:00'), at('2026-06-03T02:00:00+08:00')],
    fields: { status: 'closed', ratingStars: 5, ratedAt: at('2026-06-04T09:00:00+08:00'), replyDue: '2026-06-10' },
  });
  await addItem({
    id: items.lastInstant,
    submittedAt: '2026-06-30T15:59:59.999Z',
    fields: { kind: 'suggestion', categoryId: 'market', sessionDate: '2026-07-15', replyDue: '2026-07-09' },
  });
  await addItem({
    id: items.afterJune,
    submittedAt: '2026-06-30T16:00:00.000Z',
    fields: { sessionDate: '2026-07-15', replyDue: '2026-07-10' },
  });
  // A supervisor's opinion, answered after 30 hours, rated 2 after its one reopening: it stays replied.
  await addItem({
    id: items.supervision,
    submittedAt: at('2026-06-05T09:00:00+08:00'),
    replies: [at('2026-06-06T15:00:00+08:00')],
    fields: {
      kind: 'supervision',
      categoryId: 'environment',
      submitterId: user('supervisor'),
      mobile: null,
      supervisorId: supervisors.jia,
      enforcementUnit: '区生态环境局',
      caseReference: '江环罚〔2026〕12号',
      status: 'replied',
      reopened: 1,
      flagged: 1,
      ratingStars: 2,
      ratedAt: at('2026-06-08T09:00:00+08:00'),
      replyDue: '2026-06-16',
    },
  });
  await addItem({
    id: items.village,
    submittedAt: at('2026-06-08T20:00:00+08:00'),
    replies: [at('2026-06-08T22:00:00+08:00')],
    fields: {
      kind: 'inquiry',
      categoryId: 'other',
      stationId: VILLAGE_STATION,
      sessionDate: '2026-06-10',
      status: 'replied',
      anonymous: 1,
      mobile: null,
      ratingStars: 3,
      ratedAt: at('2026-06-09T09:00:00+08:00'),
    },
  });
  await addItem({
    id: items.rejected,
    submittedAt: at('2026-06-20T10:00:00+08:00'),
    fields: { categoryId: 'transport', sessionDate: '2026-06-30', status: 'rejected', flagged: 1, anonymous: 1, mobile: null },
  });
  await addItem({
    id: items.overdue,
    submittedAt: at('2026-06-02T10:00:00+08:00'),
    fields: { sessionDate: '2026-06-15', replyDue: '2026-06-11' },
  });
  await addItem({
    id: items.villageOverdue,
    submittedAt: at('2026-05-20T10:00:00+08:00'),
    fields: { stationId: VILLAGE_STATION, sessionDate: '2026-05-25', replyDue: '2026-05-29' },
  });
}

async function addSupervisors() {
  const base = { termStart: '2026-01-01', termEnd: '2027-12-31', userId: null, createdAt: at('2026-01-01T09:00:00+08:00') };
  await db()
    .insertInto('supervisor')
    .values([
      { ...base, id: supervisors.jia, name: '赵监督', certificateNo: 'BSJD-001', userId: user('supervisor'), revokedAt: null },
      { ...base, id: supervisors.yi, name: '钱监督', certificateNo: 'BSJD-002', revokedAt: at('2026-06-20T09:00:00+08:00') },
      { ...base, id: supervisors.bing, name: '孙监督', certificateNo: 'BSJD-003', revokedAt: at('2026-03-01T09:00:00+08:00') },
      { ...base, id: supervisors.ding, name: '李监督', certificateNo: 'BSJD-004', revokedAt: null },
    ])
    .execute();
  const activity = (supervisorId: string, date: string) => ({
    id: randomUUID(),
    clientId: randomUUID(),
    supervisorId,
    date,
    unit: '镇综合行政执法大队',
    place: '白沙老街',
    observation: '执法人员亮证执法，程序规范，当事人签字确认。',
    loggedAt: at(`${date}T18:00:00+08:00`),
  });
  await db()
    .insertInto('enforcementActivity')
    .values([
      activity(supervisors.jia, '2026-05-31'),
      activity(supervisors.jia, '2026-06-01'),
      activity(supervisors.jia, '2026-06-30'),
      activity(supervisors.yi, '2026-06-15'),
      // Revoked, with nothing in June: not listed for June.
      activity(supervisors.bing, '2026-07-01'),
    ])
    .execute();
}

const events = { yuanba: randomUUID(), campaign: randomUUID(), lecture: randomUUID(), stillOn: randomUUID(), cancelled: randomUUID(), lastMay: randomUUID(), draft: randomUUID() };

async function addEvents() {
  const event = (id: string, fields: Partial<Insertable<DatabaseSchema['event']>>) => ({
    id,
    title: '民法典进院坝',
    type: 'yuanba' as const,
    theme: '民法典',
    law: null,
    startsAt: at('2026-06-05T19:00:00+08:00'),
    endsAt: at('2026-06-05T21:00:00+08:00'),
    placeName: '朝天咀社区院坝',
    placeAddress: null,
    latitude: null,
    longitude: null,
    communityId: 'chaotianzui',
    organiser: '白沙镇法治建设科',
    capacity: null,
    signedUp: 0,
    description: '以案说法，讲解民法典婚姻家庭编。',
    status: 'published' as const,
    cancelReason: null,
    attendance: null,
    createdBy: staffId,
    createdAt: at('2026-05-20T09:00:00+08:00'),
    updatedAt: at('2026-05-20T09:00:00+08:00'),
    ...fields,
  });
  await db()
    .insertInto('event')
    .values([
      // Held; nobody counted the audience: the 3 people checked in are it (6 signed up).
      event(events.yuanba, { signedUp: 6 }),
      // Held; the office counted 120 at the stall, whoever checked in.
      event(events.campaign, {
        title: '3·15 消费者权益日集中宣传',
        type: 'campaign',
        theme: '消费者权益保护',
        communityId: 'xinqiao',
        startsAt: at('2026-06-15T09:00:00+08:00'),
        endsAt: at('2026-06-15T12:00:00+08:00'),
        signedUp: 2,
        attendance: 120,
      }),
      event(events.lecture, {
        title: '民法典宣讲',
        type: 'lecture',
        startsAt: at('2026-06-30T14:00:00+08:00'),
        endsAt: at('2026-06-30T16:00:00+08:00'),
        attendance: 40,
      }),
      // Started in June, still on: not held yet.
      event(events.stillOn, {
        title: '宪法主题展',
        type: 'special',
        theme: '宪法',
        startsAt: at('2026-06-29T09:00:00+08:00'),
        endsAt: at('2026-07-10T17:00:00+08:00'),
      }),
      event(events.cancelled, {
        type: 'campaign',
        startsAt: at('2026-06-20T09:00:00+08:00'),
        endsAt: at('2026-06-20T11:00:00+08:00'),
        status: 'cancelled',
        cancelReason: '暴雨预警',
      }),
      // 31 May 23:30 in Shanghai: held, in May.
      event(events.lastMay, {
        type: 'door_to_door',
        theme: '反诈',
        startsAt: at('2026-05-31T23:30:00+08:00'),
        endsAt: at('2026-06-01T00:30:00+08:00'),
        attendance: 25,
      }),
      event(events.draft, { status: 'draft', startsAt: at('2026-06-10T09:00:00+08:00'), endsAt: at('2026-06-10T11:00:00+08:00') }),
    ])
    .execute();
  const signUp = (eventId: string, userId: string, people: number, state: { checkedIn?: boolean; cancelled?: boolean }) => ({
    id: randomUUID(),
    eventId,
    userId,
    people,
    signedUpAt: at('2026-06-01T09:00:00+08:00'),
    cancelledAt: state.cancelled ? at('2026-06-02T09:00:00+08:00') : null,
    checkInCode: String(100000 + Math.floor(Math.random() * 800000)),
    checkedInAt: state.checkedIn ? at('2026-06-05T18:55:00+08:00') : null,
    checkedInBy: state.checkedIn ? staffId : null,
    viaGridId: null,
    sharerId: null,
  });
  await db()
    .insertInto('eventSignUp')
    .values([
      signUp(events.yuanba, user('u1'), 2, { checkedIn: true }),
      signUp(events.yuanba, user('u2'), 1, { checkedIn: true }),
      signUp(events.yuanba, user('u3'), 3, {}),
      signUp(events.yuanba, user('u4'), 1, { cancelled: true }),
      signUp(events.campaign, user('u1'), 2, { checkedIn: true }),
    ])
    .execute();
}

const contestId = randomUUID();
const seqs = new Map<string, number>();
const attempt = (who: string, communityId: string, gridId: string | null, submittedAt: string | null, score: number | null) => {
  seqs.set(who, (seqs.get(who) ?? 0) + 1);
  return {
    id: randomUUID(),
    contestId,
    userId: user(who),
    seq: seqs.get(who) as number,
    communityId,
    gridId,
    paper: '[]',
    startedAt: at('2026-06-01T08:00:00+08:00'),
    deadlineAt: at('2026-06-01T08:15:00+08:00'),
    submittedAt,
    answers: submittedAt === null ? null : '[]',
    score,
    correctCount: score === null ? null : score / 10,
    secondsTaken: submittedAt === null ? null : 300,
    viaGridId: null,
    sharerId: null,
  };
};

async function addQuiz() {
  await db()
    .insertInto('contest')
    .values({
      id: contestId,
      title: '民法典知识竞赛',
      law: 'civil-code',
      books: '[]',
      questionCount: 10,
      timeLimitMinutes: 15,
      attemptsAllowed: 2,
      startsAt: at('2026-06-01T00:00:00+08:00'),
      endsAt: at('2026-07-31T00:00:00+08:00'),
      audience: 'everyone',
      createdBy: staffId,
      createdAt: at('2026-05-25T09:00:00+08:00'),
    })
    .execute();
  await db()
    .insertInto('contestAttempt')
    .values([
      attempt('u1', 'chaotianzui', 'chaotianzui-1', at('2026-06-10T10:00:00+08:00'), 80),
      attempt('u1', 'chaotianzui', 'chaotianzui-1', at('2026-06-11T10:00:00+08:00'), 90),
      attempt('u2', 'chaotianzui', 'chaotianzui-2', at('2026-06-12T10:00:00+08:00'), 70),
      // Named no grid.
      attempt('u3', 'chaotianzui', null, at('2026-06-13T10:00:00+08:00'), 60),
      attempt('u4', 'xinqiao', 'xinqiao-1', at('2026-06-14T10:00:00+08:00'), 100),
      // Handed in late: never scored.
      attempt('u5', 'chaotianzui', 'chaotianzui-1', at('2026-06-15T10:00:00+08:00'), null),
      // 1 July 00:00 in Shanghai.
      attempt('u6', 'chaotianzui', 'chaotianzui-1', '2026-06-30T16:00:00.000Z', 50),
      // Started, never handed in.
      attempt('u7', 'chaotianzui', 'chaotianzui-1', null, null),
    ])
    .execute();
  const daily = (who: string, date: string, submittedAt: string | null, score: number | null) => ({
    userId: user(who),
    date,
    questionIds: '[]',
    drawnAt: at(`${date}T07:00:00+08:00`),
    results: submittedAt === null ? null : '[]',
    score,
    correctCount: score === null ? null : score / 20,
    submittedAt,
    viaGridId: null,
    sharerId: null,
  });
  await db()
    .insertInto('quizDaily')
    .values([
      daily('u1', '2026-06-01', at('2026-06-01T07:05:00+08:00'), 80),
      daily('u2', '2026-06-01', at('2026-06-01T08:00:00+08:00'), 60),
      daily('u1', '2026-06-02', at('2026-06-02T07:05:00+08:00'), 100),
      daily('u3', '2026-06-03', null, null),
      daily('u4', '2026-05-31', at('2026-05-31T23:00:00+08:00'), 40),
    ])
    .execute();
}

function summary(stationId: string, stationName: string, date: string, closedAt: string, raised: number): string {
  const value: SessionSummary = {
    stationId,
    stationName,
    date,
    originalDate: date,
    closedAt,
    raised,
    answered: raised,
    carriedOver: 0,
    byCategory: [{ categoryName: '违法建筑', raised, answered: raised }],
    note: '感谢居民参与',
  };
  return JSON.stringify(value);
}

async function addSessionRecords() {
  const record = (stationId: string, name: string, date: string, closedAt: string, raised: number) => ({
    stationId,
    sessionDate: date,
    closedAt,
    closedBy: staffId,
    summary: summary(stationId, name, date, closedAt, raised),
  });
  await db()
    .insertInto('sessionRecord')
    .values([
      record(STATION, firstStation.name, '2025-12-30', at('2025-12-30T11:30:00+08:00'), 4),
      // 1 January 00:30 in Shanghai, 31 December in UTC: a 2026 session.
      record(VILLAGE_STATION, '新桥村红色驿站', '2025-12-31', '2025-12-31T16:30:00.000Z', 1),
      record(VILLAGE_STATION, '新桥村红色驿站', '2026-06-10', at('2026-06-11T11:30:00+08:00'), 2),
      record(STATION, firstStation.name, '2026-06-15', at('2026-06-15T11:40:00+08:00'), 3),
    ])
    .execute();
}

beforeAll(async () => {
  testApp = await createTestApp({ now: () => clock });
  call = apiCaller(testApp);
  office = await signInStaff(testApp, { username: 'report.desk', displayName: '周科员' }, clock);
  staffId = (await db().selectFrom('staffAccount').select('id').where('username', '=', 'report.desk').executeTakeFirstOrThrow()).id;

  // A second community with its own station (sessions on the 10th and 25th), and populations.
  await db().updateTable('community').set({ population: 1000 }).where('id', '=', 'chaotianzui').execute();
  await db().updateTable('grid').set({ population: 400 }).where('id', '=', 'chaotianzui-1').execute();
  await db().updateTable('grid').set({ population: null }).where('id', '=', 'chaotianzui-2').execute();
  await db().insertInto('community').values({ id: 'xinqiao', name: '新桥村', kind: '村', population: null }).execute();
  await db().insertInto('grid').values({ id: 'xinqiao-1', name: '新桥村第一网格', communityId: 'xinqiao', population: 50 }).execute();
  await db()
    .insertInto('station')
    .values({
      id: VILLAGE_STATION,
      position: 1,
      name: '新桥村红色驿站',
      subtitle: '行政执法协调监督联系点',
      communityId: 'xinqiao',
      address: '新桥村村委会',
      latitude: 29.07,
      longitude: 106.13,
      daysOfMonth: '10,25',
      windowStart: '09:00',
      windowEnd: '11:30',
    })
    .execute();
  // The village's 10 June session was held a day late.
  await db()
    .insertInto('sessionOverride')
    .values({
      stationId: VILLAGE_STATION,
      originalDate: '2026-06-10',
      kind: 'moved',
      newDate: '2026-06-11',
      newWindowStart: '09:00',
      newWindowEnd: '11:30',
      reason: '村委会场地占用，顺延一天',
      createdAt: at('2026-06-01T09:00:00+08:00'),
    })
    .execute();

  await addUsers(['resident', 'supervisor', 'u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7']);
  await addSupervisors();
  await addFeedback();

  // One item the way residents and the office really make them: submitted on 15 June at 09:30 and
  // answered a day later, through HTTP.
  const resident = await signInGuest(testApp);
  const submitted = await submitItem(testApp, resident.token, { content: SECRET_CONTENT, mobile: MOBILE });
  apiItemId = submitted.id;
  clock = new Date('2026-06-16T09:30:00+08:00');
  office = await signInStaff(testApp, { username: 'report.desk', displayName: '周科员' }, clock);
  const replied = await call({ method: 'POST', url: `/staff/feedback/${apiItemId}/actions`, token: office, body: { action: 'reply', text: '已转城管执法中队处理。' } });
  expect(replied.status).toBe(200);

  await addEvents();
  await addQuiz();
  await addSessionRecords();

  clock = new Date('2026-07-03T10:00:00+08:00');
  office = await signInStaff(testApp, { username: 'report.desk', displayName: '周科员' }, clock);
});

afterAll(() => testApp.close());

const dashboardOf = async (query: string) => {
  const answer = await call({ url: `/staff/dashboard?${query}`, token: office });
  expect(answer.status).toBe(200);
  return answer.body;
};
const counts = (bars: { key: string; count: number }[]) => Object.fromEntries(bars.map((bar) => [bar.key, bar.count]));

describe('dashboard: feedback', () => {
  test('June in Shanghai days: the first instant of 1 June is in, the last of 31 May and the first of 1 July are out', async () => {
    const { period, community, feedback } = await dashboardOf(JUNE);
    expect(period).toEqual({ from: '2026-06-01', to: '2026-06-30' });
    expect(community).toBeNull();
    expect(feedback.total).toBe(7);
    const juneIds = (await db().selectFrom('feedbackItem').select('id').where('submittedAt', '>=', '2026-05-31T16:00:00.000Z').where('submittedAt', '<', '2026-06-30T16:00:00.000Z').execute()).map((r) => r.id);
    expect(juneIds).toEqual(expect.arrayContaining([items.firstInstant, items.lastInstant, apiItemId]));
    expect(juneIds).not.toContain(items.beforeJune);
    expect(juneIds).not.toContain(items.afterJune);
  });

  test('by kind, category and status: every configured one in order, with its Chinese label, empty ones included', async () => {
    const { feedback } = await dashboardOf(JUNE);
    expect(feedback.byKind).toEqual([
      { key: 'supervision', label: '监督意见', count: 1 },
      { key: 'complaint', label: '投诉', count: 4 },
      { key: 'suggestion', label: '建议', count: 1 },
      { key: 'inquiry', label: '咨询', count: 1 },
    ]);
    expect(feedback.byCategory).toEqual([
      { key: 'city-management', label: '城市管理（占道经营、机动车违停）', count: 3 },
      { key: 'illegal-building', label: '违法建筑', count: 0 },
      { key: 'transport', label: '交通运输执法', count: 1 },
      { key: 'fishery-river', label: '渔政·河道（非法捕捞、垂钓）', count: 0 },
      { key: 'market', label: '市场监管', count: 1 },
      { key: 'environment', label: '生态环境', count: 1 },
      { key: 'other', label: '其他', count: 1 },
    ]);
    expect(feedback.byStatus).toEqual([
      { key: 'pending', label: '待受理', count: 2 },
      { key: 'accepted', label: '已受理', count: 0 },
      { key: 'replied', label: '已答复', count: 3 },
      { key: 'closed', label: '已办结', count: 1 },
      { key: 'rejected', label: '不予受理', count: 1 },
    ]);
  });

  test('first reply: median and 90th percentile (PERCENTILE.INC) of 2, 10, 24 and 30 hours; a second reply does not count', async () => {
    const { feedback } = await dashboardOf(JUNE);
    // Ranks 1.5 and 2.7 of the sorted hours: 10 + 0.5 × 14 and 24 + 0.7 × 6.
    expect(feedback.firstReply).toEqual({ replied: 4, medianHours: 17, p90Hours: 28.2 });
  });

  test('overdue now: open items past their reply day today, whenever submitted', async () => {
    expect((await dashboardOf(JUNE)).feedback.overdueNow).toBe(3);
    expect((await dashboardOf('from=2020-01-01&to=2020-01-31')).feedback.overdueNow).toBe(3);
    expect((await dashboardOf(`${JUNE}&community=xinqiao`)).feedback.overdueNow).toBe(1);
  });

  test('satisfaction over the ratings items hold: 5, 3 and 2 stars', async () => {
    expect((await dashboardOf(JUNE)).feedback.satisfaction).toEqual({
      rated: 3,
      averageStars: 3.3,
      satisfied: 1,
      satisfiedRate: 33.3,
      dissatisfied: 1,
    });
  });

  test('研判: flagged items and where they stand now', async () => {
    const { assessment } = (await dashboardOf(JUNE)).feedback;
    expect(assessment.flagged).toBe(2);
    expect(counts(assessment.byStatus)).toEqual({ pending: 0, accepted: 0, replied: 1, closed: 0, rejected: 1 });
  });

  test('by session: items and those replied, on the day each session was held (a moved one on its new day)', async () => {
    const { bySession } = (await dashboardOf(JUNE)).feedback;
    const apiSession = (await db().selectFrom('feedbackItem').select('sessionDate').where('id', '=', apiItemId).executeTakeFirstOrThrow()).sessionDate;
    const expected = [
      { stationId: VILLAGE_STATION, stationName: '新桥村红色驿站', date: '2026-06-11', items: 1, replied: 1 },
      { stationId: STATION, stationName: firstStation.name, date: '2026-06-15', items: 3, replied: 2 },
      { stationId: STATION, stationName: firstStation.name, date: '2026-06-30', items: 1, replied: 0 },
      { stationId: STATION, stationName: firstStation.name, date: '2026-07-15', items: 1, replied: 0 },
    ];
    const apiRow = expected.find((row) => row.stationId === STATION && row.date === apiSession);
    if (!apiRow) throw new Error(`The item sent through HTTP went to ${apiSession}`);
    apiRow.items += 1;
    apiRow.replied += 1;
    expect(bySession).toEqual(expected);
  });

  test('one community: only items at its stations', async () => {
    const { community, feedback } = await dashboardOf(`${JUNE}&community=xinqiao`);
    expect(community).toEqual({ id: 'xinqiao', name: '新桥村' });
    expect(feedback.total).toBe(1);
    expect(counts(feedback.byKind)).toEqual({ supervision: 0, complaint: 0, suggestion: 0, inquiry: 1 });
    expect(feedback.firstReply).toEqual({ replied: 1, medianHours: 2, p90Hours: 2 });
    expect(feedback.satisfaction).toMatchObject({ rated: 1, averageStars: 3, satisfied: 0, satisfiedRate: 0 });
    expect(feedback.bySession).toHaveLength(1);
  });

  test('a period with nothing in it: zeros on every axis and no percentiles rather than NaN', async () => {
    const { feedback, monthly } = await dashboardOf('from=2020-03-01&to=2020-03-31');
    expect(feedback.total).toBe(0);
    expect(feedback.byCategory).toHaveLength(7);
    expect(feedback.byCategory.every((bar: { count: number }) => bar.count === 0)).toBe(true);
    expect(feedback.firstReply).toEqual({ replied: 0, medianHours: null, p90Hours: null });
    expect(feedback.satisfaction).toEqual({ rated: 0, averageStars: null, satisfied: 0, satisfiedRate: null, dissatisfied: 0 });
    expect(monthly).toEqual([{ month: '2020-03', feedback: 0, replied: 0, events: 0, quizAttempts: 0 }]);
  });
});

describe('dashboard: supervisors, events and quizzes', () => {
  test('supervisors: opinions and enforcement actions; those revoked are listed only with figures in the period', async () => {
    const { supervision } = await dashboardOf(JUNE);
    expect(supervision).toEqual({
      opinions: 1,
      activities: 3,
      bySupervisor: [
        { supervisorId: supervisors.jia, name: '赵监督', opinions: 1, activities: 2 },
        { supervisorId: supervisors.yi, name: '钱监督', opinions: 0, activities: 1 },
        { supervisorId: supervisors.ding, name: '李监督', opinions: 0, activities: 0 },
      ],
    });
  });

  test('events: held (ended), not the one still on, the draft or the cancelled; audience recorded or else checked in', async () => {
    const { events: figures } = await dashboardOf(JUNE);
    expect(figures).toMatchObject({ held: 3, cancelled: 1, attendance: 3 + 120 + 40, signedUp: 8, checkedIn: 5 });
    expect(figures.byType).toEqual([
      { key: 'yuanba', label: '院坝会', events: 1, attendance: 3 },
      { key: 'campaign', label: '集中宣传', events: 1, attendance: 120 },
      { key: 'lecture', label: '法治宣讲', events: 1, attendance: 40 },
      { key: 'door_to_door', label: '入户宣传', events: 0, attendance: 0 },
      { key: 'special', label: '专题活动', events: 0, attendance: 0 },
    ]);
    expect(figures.byTheme).toEqual([
      { key: '民法典', label: '民法典', events: 2, attendance: 43 },
      { key: '消费者权益保护', label: '消费者权益保护', events: 1, attendance: 120 },
    ]);
  });

  test('events of one community', async () => {
    const { events: figures } = await dashboardOf(`${JUNE}&community=xinqiao`);
    expect(figures).toMatchObject({ held: 1, cancelled: 0, attendance: 120, signedUp: 2, checkedIn: 2 });
  });

  test('contests: scored papers handed in during the period; takers per 100 residents by community and grid', async () => {
    const { quiz } = await dashboardOf(JUNE);
    expect(quiz.contests).toEqual({ takers: 4, attempts: 5, averageScore: 80 });
    expect(quiz.daily).toEqual({ takers: 2, attempts: 3, averageScore: 80 });
    expect(quiz.byCommunity).toEqual([
      { id: 'chaotianzui', name: '朝天咀社区', population: 1000, takers: 3, attempts: 4, averageScore: 75, rate: 0.3 },
      { id: 'xinqiao', name: '新桥村', population: null, takers: 1, attempts: 1, averageScore: 100, rate: null },
    ]);
    expect(quiz.byGrid).toEqual([
      { id: 'chaotianzui-1', name: '朝天咀社区第一网格', population: 400, takers: 1, attempts: 2, averageScore: 85, rate: 0.3 },
      { id: 'chaotianzui-2', name: '朝天咀社区第二网格', population: null, takers: 1, attempts: 1, averageScore: 70, rate: null },
      { id: 'xinqiao-1', name: '新桥村第一网格', population: 50, takers: 1, attempts: 1, averageScore: 100, rate: 2 },
    ]);
    expect(quiz.unassigned).toBe(1);
  });

  test('contests of one community: its units only, and no daily practice (it carries no community)', async () => {
    const { quiz } = await dashboardOf(`${JUNE}&community=xinqiao`);
    expect(quiz.contests).toEqual({ takers: 1, attempts: 1, averageScore: 100 });
    expect(quiz.daily).toBeNull();
    expect(quiz.byCommunity.map((row: { id: string }) => row.id)).toEqual(['xinqiao']);
    expect(quiz.byGrid.map((row: { id: string }) => row.id)).toEqual(['xinqiao-1']);
    expect(quiz.unassigned).toBe(0);
  });

  test('unassigned: takers none of whose papers names a grid, counted by community but in no grid', async () => {
    await addUsers(['u8', 'u9']);
    await db()
      .insertInto('contestAttempt')
      .values([
        // u8 named a grid once and none the other time: assigned, to that grid.
        attempt('u8', 'chaotianzui', 'chaotianzui-1', at('2027-02-10T10:00:00+08:00'), 70),
        attempt('u8', 'chaotianzui', null, at('2027-02-11T10:00:00+08:00'), 90),
        attempt('u9', 'chaotianzui', null, at('2027-02-12T10:00:00+08:00'), 60),
      ])
      .execute();
    const { quiz } = await dashboardOf('from=2027-02-01&to=2027-02-28');
    expect(quiz.contests).toEqual({ takers: 2, attempts: 3, averageScore: 73.3 });
    expect(quiz.byCommunity.find((row: { id: string }) => row.id === 'chaotianzui')).toMatchObject({ takers: 2, attempts: 3 });
    expect(quiz.byGrid.filter((row: { takers: number }) => row.takers > 0)).toEqual([
      { id: 'chaotianzui-1', name: '朝天咀社区第一网格', population: 400, takers: 1, attempts: 1, averageScore: 70, rate: 0.3 },
    ]);
    expect(quiz.unassigned).toBe(1);
  });

  test('monthly: each Shanghai month of the period, things at 31 May 23:59 in May', async () => {
    const { monthly } = await dashboardOf('from=2026-05-01&to=2026-07-31');
    expect(monthly).toEqual([
      // The item of 20 May and the one a millisecond before June; the 31 May event; u4's daily practice.
      { month: '2026-05', feedback: 2, replied: 0, events: 1, quizAttempts: 1 },
      { month: '2026-06', feedback: 7, replied: 4, events: 3, quizAttempts: 8 },
      // The item and the paper of 1 July 00:00.
      { month: '2026-07', feedback: 1, replied: 0, events: 0, quizAttempts: 1 },
    ]);
  });
});

describe('annual summary', () => {
  const figures2026 = {
    // The session closed at 00:30 on 1 January in Shanghai counts for 2026; the one of 30 December 2025 does not.
    sessions: 3,
    opinions: 10,
    responses: 4,
    assessed: 2,
    supervisorActivities: 5,
    events: 4,
    eventAttendance: 3 + 120 + 40 + 25,
    quizAttempts: 6 + 4,
  };

  test('the year’s figures in the report’s order, with its wording, and its paragraph naming the configured office', async () => {
    const answer = await call({ url: '/staff/reports/annual?year=2026', token: office });
    expect(answer.status).toBe(200);
    expect(answer.body.year).toBe(2026);
    expect(answer.body.town).toBe('白沙镇');
    expect(answer.body.office).toBe('白沙镇法治建设科');
    expect(answer.body.figures).toEqual([
      { key: 'sessions', label: '开展驿站接待日', value: 3, unit: '次' },
      { key: 'opinions', label: '现场搜集监督意见', value: 10, unit: '条' },
      { key: 'responses', label: '回应', value: 4, unit: '条' },
      { key: 'assessed', label: '研判事项', value: 2, unit: '项' },
      { key: 'supervisorActivities', label: '组织行政执法监督员现场参加执法活动', value: 5, unit: '次' },
      { key: 'events', label: '开展法治宣传活动', value: 4, unit: '场' },
      { key: 'eventAttendance', label: '活动受众', value: 188, unit: '人次' },
      { key: 'quizAttempts', label: '参与答题', value: 10, unit: '人次' },
    ]);
    expect(answer.body.text).toBe(
      '2026年，白沙镇法治建设科开展驿站接待日 3 次，现场搜集监督意见 10 条、回应 4 条，研判事项 2 项；' +
        '组织行政执法监督员现场参加执法活动 5 次；开展法治宣传活动 4 场、活动受众 188 人次；参与答题 10 人次。',
    );
  });

  test('the town and office come from the town table, not the code', async () => {
    await db().updateTable('town').set({ name: '石门镇', office: '石门镇司法所' }).where('id', '=', 1).execute();
    try {
      const { body } = await call({ url: '/staff/reports/annual?year=2026', token: office });
      expect(body.town).toBe('石门镇');
      expect(body.text.startsWith('2026年，石门镇司法所开展驿站接待日')).toBe(true);
    } finally {
      await db().updateTable('town').set({ name: '白沙镇', office: '白沙镇法治建设科' }).where('id', '=', 1).execute();
    }
  });

  test('each figure’s sheet lists exactly the records it counts, in the report’s order', async () => {
    const sheets = figureSheets(db(), 2026, clock);
    expect(sheets.map((sheet) => sheet.key)).toEqual([...ANNUAL_FIGURE_KEYS]);
    for (const sheet of sheets) {
      const rows = [];
      for await (const row of sheet.rows) {
        expect(row).toHaveLength(sheet.columns.length);
        rows.push(row);
      }
      if (sheet.key === 'eventAttendance') {
        expect(rows).toHaveLength(figures2026.events);
        expect(rows.reduce((sum, row) => sum + Number(row[row.length - 1]), 0)).toBe(figures2026.eventAttendance);
      } else {
        expect({ key: sheet.key, rows: rows.length }).toEqual({ key: sheet.key, rows: figures2026[sheet.key] });
      }
    }
  });

  test('feedback rows say what was raised and how it went, in Shanghai time, and never who raised it', async () => {
    const [, opinions] = figureSheets(db(), 2026, clock);
    expect(opinions.columns.map((c) => c.header)).toEqual(['反馈编号', '提交时间', '类型', '类别', '驿站', '接待日', '当前状态', '首次答复日期']);
    const rows = [];
    for await (const row of opinions.rows) rows.push(row);
    expect(rows.find((row) => row[0] === items.firstInstant)).toEqual([
      items.firstInstant,
      '2026-06-01 00:00',
      '投诉',
      '城市管理（占道经营、机动车违停）',
      firstStation.name,
      '2026-06-15',
      '已办结',
      '2026-06-01',
    ]);
    expect(rows.find((row) => row[0] === items.village)).toEqual([
      items.village,
      '2026-06-08 20:00',
      '咨询',
      '其他',
      '新桥村红色驿站',
      '2026-06-11',
      '已答复',
      '2026-06-08',
    ]);
    // Oldest first.
    expect(rows.map((row) => row[1])).toEqual([...rows.map((row) => row[1])].sort());
  });

  test('no sheet carries a submitter, a mobile number or what anyone wrote', async () => {
    const everything: unknown[] = [];
    for (const sheet of figureSheets(db(), 2026, clock)) {
      for await (const row of sheet.rows) everything.push(row);
    }
    const text = JSON.stringify(everything);
    expect(text).not.toContain(SECRET_CONTENT);
    expect(text).not.toContain(MOBILE);
    expect(text).not.toContain('138****5678');
    for (const id of Object.values(users)) expect(text).not.toContain(id);
  });

  test('another year counts only its own records', async () => {
    const { body } = await call({ url: '/staff/reports/annual?year=2025', token: office });
    expect(body.figures.map((f: { value: number }) => f.value)).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('the public page', () => {
  /** The page read afresh: the clock moves on past the minute for which the server keeps a reading. */
  const freshPublicPage = (query = '') => {
    clock = new Date(clock.getTime() + TRANSPARENCY_CACHE_MS);
    return call({ url: `/public/transparency${query}` });
  };

  test('anyone, without signing in: this year’s figures, its session summaries latest first, and the office’s contact', async () => {
    await db().updateTable('town').set({ hotline: '023-47000000', email: 'fzjsk@example.gov.cn' }).where('id', '=', 1).execute();
    const answer = await freshPublicPage();
    expect(answer.status).toBe(200);
    const annual = (await call({ url: '/staff/reports/annual?year=2026', token: office })).body;
    expect(answer.body).toMatchObject({ year: 2026, town: '白沙镇', office: '白沙镇法治建设科', figures: annual.figures });
    expect(answer.body.contact).toEqual({ hotline: '023-47000000', email: 'fzjsk@example.gov.cn' });
    expect(answer.body.sessions.map((s: SessionSummary) => [s.stationId, s.originalDate])).toEqual([
      [STATION, '2026-06-15'],
      [VILLAGE_STATION, '2026-06-10'],
      [VILLAGE_STATION, '2025-12-31'],
    ]);
  });

  test('a contact the configuration lacks is null', async () => {
    await db().updateTable('town').set({ hotline: null, email: null }).where('id', '=', 1).execute();
    expect((await freshPublicPage()).body.contact).toEqual({ hotline: null, email: null });
  });

  test('one reading a minute answers everyone: what changes shows once the minute is over, by the server’s clock', async () => {
    const first = await freshPublicPage();
    const readAt = clock;
    await db().updateTable('town').set({ hotline: '023-47111111' }).where('id', '=', 1).execute();
    await db()
      .insertInto('sessionRecord')
      .values({
        stationId: STATION,
        sessionDate: '2026-06-30',
        closedAt: at('2026-06-30T11:30:00+08:00'),
        closedBy: staffId,
        summary: summary(STATION, firstStation.name, '2026-06-30', at('2026-06-30T11:30:00+08:00'), 1),
      })
      .execute();
    try {
      clock = new Date(readAt.getTime() + TRANSPARENCY_CACHE_MS - 1);
      expect((await call({ url: '/public/transparency' })).body).toEqual(first.body);
      // Another year is a reading of its own.
      expect((await call({ url: '/public/transparency?year=2025' })).body.year).toBe(2025);

      clock = new Date(readAt.getTime() + TRANSPARENCY_CACHE_MS);
      const later = (await call({ url: '/public/transparency' })).body;
      expect(later.contact.hotline).toBe('023-47111111');
      expect(later.figures[0]).toEqual({ key: 'sessions', label: '开展驿站接待日', value: first.body.figures[0].value + 1, unit: '次' });
      expect(later.sessions[0].originalDate).toBe('2026-06-30');
    } finally {
      await db().deleteFrom('sessionRecord').where('stationId', '=', STATION).where('sessionDate', '=', '2026-06-30').execute();
      await db().updateTable('town').set({ hotline: null }).where('id', '=', 1).execute();
    }
  });

  test('a past year on request', async () => {
    const { body } = await freshPublicPage('?year=2025');
    expect(body.year).toBe(2025);
    expect(body.sessions.map((s: SessionSummary) => s.originalDate)).toEqual(['2025-12-30']);
    expect(body.figures[0]).toEqual({ key: 'sessions', label: '开展驿站接待日', value: 1, unit: '次' });
  });

  test('it carries no personal data: no content, no names, no ids of people, no mobile numbers', async () => {
    const { raw } = await freshPublicPage();
    expect(raw).not.toContain(SECRET_CONTENT);
    expect(raw).not.toContain(MOBILE);
    for (const name of ['赵监督', '钱监督', '周科员']) expect(raw).not.toContain(name);
    for (const id of [...Object.values(users), ...Object.values(supervisors), staffId]) expect(raw).not.toContain(id);
  });
});
