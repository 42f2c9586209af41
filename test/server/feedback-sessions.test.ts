import { runSessionsCommand } from '../../src/server/features/feedback/sessions-command';
import { submitItem } from '../support/feedback-fixture';
import { apiCaller, signInGuest, signInStaff, type SignedInPerson } from '../support/sign-in';
import { createTestApp, type TestApp } from '../support/test-app';
import { firstStation } from '../support/town-fixture';

// One station's sessions over six weeks, in order: each test stands on the day it is about.
let clock = new Date('2026-11-26T10:00:00+08:00');
let testApp: TestApp;
let call: ReturnType<typeof apiCaller>;
let office: string;
let resident: SignedInPerson;
const items: Record<string, string> = {};
const STATION = firstStation.id;
const sessionUrl = (date: string, what: string) => `/staff/stations/${STATION}/sessions/${date}/${what}`;
const summaryUrl = (date: string) => `/stations/${STATION}/sessions/${date}/summary`;

/** Moves the clock to a day and signs the office in again (a staff sign-in lasts hours). */
async function standOn(instant: string) {
  clock = new Date(instant);
  office = await signInStaff(testApp, { username: 'zhang.keyuan', displayName: '张科员' }, clock);
}

const act = (name: string, body: object) => call({ method: 'POST', url: `/staff/feedback/${items[name]}/actions`, token: office, body });
const detail = async (name: string) => (await call({ url: `/staff/feedback/${items[name]}`, token: office })).body;
const agenda = (date: string) => call({ url: sessionUrl(date, 'agenda'), token: office });
const close = (body: object = {}, date = '2026-11-30') => call({ method: 'POST', url: sessionUrl(date, 'close'), token: office, body });
const change = (date: string, body: object) => call({ method: 'POST', url: sessionUrl(date, 'change'), token: office, body });
const agendaNames = (body: { items: { id: string }[] }) =>
  body.items.map((row) => Object.keys(items).find((name) => items[name] === row.id));

async function databaseState() {
  const db = testApp.database.handle.db;
  return {
    items: await db.selectFrom('feedbackItem').select(['id', 'sessionDate', 'status']).orderBy('id').execute(),
    events: (await db.selectFrom('feedbackEvent').select('itemId').execute()).length,
    records: await db.selectFrom('sessionRecord').selectAll().execute(),
    overrides: await db.selectFrom('sessionOverride').selectAll().execute(),
  };
}

beforeAll(async () => {
  testApp = await createTestApp({ now: () => clock });
  call = apiCaller(testApp);
  await standOn('2026-11-26T10:00:00+08:00');
  resident = await signInGuest(testApp);
  const submit = async (name: string, fields: object) => {
    clock = new Date(clock.getTime() + 60_000);
    items[name] = (await submitItem(testApp, resident.token, fields)).id;
  };
  // Thursday 26 November: every item goes to Monday 30 November's session.
  await submit('answered', { categoryId: 'city-management', content: '菜市场门口占道经营严重，早高峰车辆无法通行。' });
  await submit('refused', { categoryId: 'market', content: '超市出售过期食品，希望执法部门查处。' });
  await submit('accepted', { categoryId: 'city-management', content: '滨江路夜间大货车违停，堵住了消防通道。' });
  await submit('pending', { kind: 'suggestion', categoryId: 'environment', content: '建议在河边增设垃圾分类回收点，方便居民投放。' });
  await submit('anonymous', { categoryId: 'other', anonymous: true, content: '执法人员上门检查时未出示执法证件。' });
});

afterAll(() => testApp.close());

test('a session is not closed before its hours start, and it has no summary until it is', async () => {
  await standOn('2026-11-30T08:59:00+08:00');
  const before = await databaseState();
  const early = await close();
  expect(early.status).toBe(409);
  expect(early.body).toEqual({ code: 'SESSION_NOT_STARTED', message: '接待日 2026-11-30 09:00 才开始，还不能结束' });
  expect(await databaseState()).toEqual(before);
  const summary = await call({ url: summaryUrl('2026-11-30') });
  expect(summary.status).toBe(404);
  expect(summary.body).toEqual({ code: 'SESSION_SUMMARY_NOT_FOUND', message: '这次接待日还没有结束，小结尚未发布' });
});

test('the agenda lists the session’s items in the order they came', async () => {
  await standOn('2026-11-30T09:30:00+08:00');
  const answer = await agenda('2026-11-30');
  expect(answer.status).toBe(200);
  expect(answer.body.session).toEqual({
    stationId: STATION,
    stationName: firstStation.name,
    originalDate: '2026-11-30',
    date: '2026-11-30',
    window: { start: '09:00', end: '11:30' },
    status: 'scheduled',
    closed: false,
  });
  expect(agendaNames(answer.body)).toEqual(['answered', 'refused', 'accepted', 'pending', 'anonymous']);
  expect(answer.body.summary).toBeNull();
  expect((await agenda('2026-12-16')).body).toEqual({ code: 'SESSION_NOT_FOUND', message: `${firstStation.name}在 2026-12-16 没有接待日` });
  expect((await call({ url: `/staff/stations/nowhere/sessions/2026-11-30/agenda`, token: office })).body.code).toBe('STATION_NOT_FOUND');
});

test('closing carries the open items to the next session, in their history and on its agenda, and publishes the summary', async () => {
  await standOn('2026-11-30T10:00:00+08:00');
  await act('answered', { action: 'reply', text: '已联系城管中队，本周内清理占道摊点。' });
  await act('refused', { action: 'reject', reason: '已由区市场监管局立案处理' });
  await act('accepted', { action: 'accept' });
  const closed = await close({ note: '  本次接待日共接待群众 12 人次，现场答复 2 件。 ' });
  expect(closed.status).toBe(200);
  const summary = {
    stationId: STATION,
    stationName: firstStation.name,
    date: '2026-11-30',
    originalDate: '2026-11-30',
    closedAt: clock.toISOString(),
    raised: 5,
    answered: 2,
    carriedOver: 3,
    byCategory: [
      { categoryName: '城市管理（占道经营、机动车违停）', raised: 2, answered: 1 },
      { categoryName: '市场监管', raised: 1, answered: 1 },
      { categoryName: '生态环境', raised: 1, answered: 0 },
      { categoryName: '其他', raised: 1, answered: 0 },
    ],
    note: '本次接待日共接待群众 12 人次，现场答复 2 件。',
  };
  // The office also reads where the open items went; the public summary says only how many.
  expect(closed.body).toEqual({
    ...summary,
    carriedTo: expect.objectContaining({ originalDate: '2026-12-15', date: '2026-12-15', closed: false }),
    carriedItemIds: [items.accepted, items.pending, items.anonymous].sort(),
  });

  const carried = await detail('accepted');
  expect(carried).toMatchObject({ status: 'accepted', carriedFrom: '2026-11-30', session: { originalDate: '2026-12-15', closed: false } });
  expect(carried.events.at(-1)).toEqual({
    at: clock.toISOString(),
    action: 'moved',
    actor: '张科员',
    fromStatus: null,
    toStatus: null,
    text: '接待日结束时尚未办结，转入下一次接待日',
    stars: null,
    movedFrom: '2026-11-30',
    movedTo: '2026-12-15',
  });
  const residentView = (await call({ url: `/feedback/mine/${items.accepted}`, token: resident.token })).body;
  expect(residentView.session.originalDate).toBe('2026-12-15');
  expect(residentView.events.at(-1)).toMatchObject({ action: 'moved', movedFrom: '2026-11-30', movedTo: '2026-12-15' });

  const next = (await agenda('2026-12-15')).body;
  expect(agendaNames(next)).toEqual(['accepted', 'pending', 'anonymous']);
  expect(next.items.map((i: { carriedFrom: string }) => i.carriedFrom)).toEqual(['2026-11-30', '2026-11-30', '2026-11-30']);

  const closedAgenda = (await agenda('2026-11-30')).body;
  expect(agendaNames(closedAgenda)).toEqual(['answered', 'refused']);
  expect(closedAgenda.session.closed).toBe(true);
  expect(closedAgenda.summary).toEqual(summary);

  // Public: signed out, or as any resident.
  expect((await call({ url: summaryUrl('2026-11-30') })).body).toEqual(summary);
  expect((await call({ url: summaryUrl('2026-11-30'), token: resident.token })).body).toEqual(summary);
});

test('a closed session is not closed again, nor cancelled', async () => {
  const before = await databaseState();
  const again = await close();
  expect(again.status).toBe(409);
  expect(again.body).toEqual({ code: 'SESSION_ALREADY_CLOSED', message: '这次接待日已经结束过了' });
  const cancelled = await change('2026-11-30', { kind: 'cancelled', reason: '补录取消' });
  expect(cancelled.status).toBe(409);
  expect(cancelled.body.message).toBe('这次接待日已经结束，不能再取消或改期');
  expect(await databaseState()).toEqual(before);
});

test('the public summary names no one and quotes nothing anyone wrote', async () => {
  const answer = await call({ url: summaryUrl('2026-11-30') });
  expect(Object.keys(answer.body).sort()).toEqual(
    ['answered', 'byCategory', 'carriedOver', 'closedAt', 'date', 'note', 'originalDate', 'raised', 'stationId', 'stationName'].sort(),
  );
  for (const secret of [...Object.values(items), resident.userId, resident.token, '张科员', '占道经营严重', '未出示执法证件', '立案处理']) {
    expect(answer.raw).not.toContain(secret);
  }
});

test('cancelling a session moves all its items to the next session held, with the reason in each history', async () => {
  await standOn('2026-12-01T10:00:00+08:00');
  clock = new Date(clock.getTime() + 60_000);
  items.late = (await submitItem(testApp, resident.token, { content: '小区门口夜市占道，垃圾无人清理。' })).id;
  expect((await detail('late')).session.originalDate).toBe('2026-12-15');

  const cancelled = await change('2026-12-15', { kind: 'cancelled', reason: '全镇集中宣传活动，本次接待日取消' });
  expect(cancelled.status).toBe(200);
  expect(cancelled.body).toEqual({
    session: {
      stationId: STATION,
      stationName: firstStation.name,
      originalDate: '2026-12-15',
      date: '2026-12-15',
      window: { start: '09:00', end: '11:30' },
      status: 'cancelled',
      closed: false,
    },
    itemsMoved: 4,
    carriedTo: {
      stationId: STATION,
      stationName: firstStation.name,
      originalDate: '2026-12-30',
      date: '2026-12-30',
      window: { start: '09:00', end: '11:30' },
      status: 'scheduled',
      closed: false,
    },
  });
  expect(agendaNames((await agenda('2026-12-15')).body)).toEqual([]);
  const next = (await agenda('2026-12-30')).body;
  expect(agendaNames(next)).toEqual(['accepted', 'pending', 'anonymous', 'late']);
  expect(next.items.map((i: { carriedFrom: string }) => i.carriedFrom)).toEqual(['2026-11-30', '2026-11-30', '2026-11-30', '2026-12-15']);
  expect((await detail('late')).events.at(-1)).toMatchObject({
    action: 'moved',
    actor: '张科员',
    movedFrom: '2026-12-15',
    movedTo: '2026-12-30',
    text: '全镇集中宣传活动，本次接待日取消',
  });
  const residentView = (await call({ url: `/feedback/mine/${items.late}`, token: resident.token })).body;
  expect(residentView.events.at(-1)).toMatchObject({ action: 'moved', text: '全镇集中宣传活动，本次接待日取消' });
  // Residents see the cancellation and its reason on the station's calendar.
  const upcoming = (await call({ url: `/stations/${STATION}/sessions/upcoming?count=2` })).body.sessions;
  expect(upcoming[0]).toMatchObject({ date: '2026-12-15', status: 'cancelled', reason: '全镇集中宣传活动，本次接待日取消' });
});

test.each([
  ['2026-12-15', { kind: 'cancelled', reason: '再次取消' }, 409, '这次接待日已经取消或改期过；如要更改，请先恢复'],
  ['2026-12-30', { kind: 'cancelled' }, 400, '请填写原因，居民会看到它'],
  ['2026-12-30', { kind: 'moved', newDate: '2026-11-29', newWindow: { start: '09:00', end: '11:30' }, reason: '调整' }, 409, '不能改期到已经过去的时间'],
  ['2026-12-30', { kind: 'moved', newDate: '2026-12-31', newWindow: { start: '16:00', end: '14:00' }, reason: '调整' }, 409, '改期后的结束时间应晚于开始时间'],
  ['2026-12-29', { kind: 'cancelled', reason: '节假日' }, 409, '这一天不是该驿站的接待日'],
  ['2026-12-30', { kind: 'postponed', reason: '调整' }, 400, '字段 kind 的值不正确'],
])('changing %s with %j is refused and changes nothing', async (date, body, status, message) => {
  const before = await databaseState();
  const answer = await change(date, body);
  expect([answer.status, answer.body.message]).toEqual([status, message]);
  expect(await databaseState()).toEqual(before);
});

test('moving a session keeps its items with it, each history saying the new day', async () => {
  const moved = await change('2026-12-30', {
    kind: 'moved',
    newDate: '2026-12-31',
    newWindow: { start: '14:00', end: '16:30' },
    reason: '与元旦前安全检查冲突',
  });
  expect(moved.status).toBe(200);
  expect(moved.body).toMatchObject({
    session: { originalDate: '2026-12-30', date: '2026-12-31', window: { start: '14:00', end: '16:30' }, status: 'moved' },
    itemsMoved: 4,
    carriedTo: null,
  });
  const state = await databaseState();
  expect(state.items.filter((i) => i.status === 'pending' || i.status === 'accepted').map((i) => i.sessionDate)).toEqual([
    '2026-12-30',
    '2026-12-30',
    '2026-12-30',
    '2026-12-30',
  ]);
  const late = await detail('late');
  expect(late.carriedFrom).toBe('2026-12-15');
  expect(late.session).toMatchObject({ originalDate: '2026-12-30', date: '2026-12-31' });
  expect(late.events.at(-1)).toMatchObject({
    action: 'moved',
    actor: '张科员',
    movedFrom: '2026-12-30',
    movedTo: '2026-12-31',
    text: '接待日改到 2026-12-31 14:00–16:30：与元旦前安全检查冲突',
  });
  // The office may open the session by the day it is now held as well.
  expect(agendaNames((await agenda('2026-12-31')).body)).toEqual(['accepted', 'pending', 'anonymous', 'late']);
});

test('a cancelled session is not closed', async () => {
  await standOn('2026-12-15T10:00:00+08:00');
  const answer = await close({}, '2026-12-15');
  expect(answer.status).toBe(409);
  expect(answer.body).toEqual({ code: 'SESSION_CANCELLED', message: '这次接待日已取消，无需结束' });
});

test('two closes at once: one summary, one carry-over per item', async () => {
  // The moved session is held on the 31st from 14:00; it is closed by the day it is held.
  await standOn('2026-12-31T15:00:00+08:00');
  const answers = await Promise.all([close({}, '2026-12-31'), close({}, '2026-12-31')]);
  expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
  const { carriedTo, carriedItemIds, ...summary } = answers.find((a) => a.status === 200)!.body;
  expect(summary).toMatchObject({ date: '2026-12-31', originalDate: '2026-12-30', raised: 4, answered: 0, carriedOver: 4 });
  expect(carriedTo).toMatchObject({ originalDate: '2027-01-15' });
  expect(carriedItemIds).toEqual([items.accepted, items.pending, items.anonymous, items.late].sort());
  const state = await databaseState();
  expect(state.records.map((r) => r.sessionDate).sort()).toEqual(['2026-11-30', '2026-12-30']);
  const late = await detail('late');
  expect(late.events.filter((e: { action: string }) => e.action === 'moved').map((e: { movedTo: string }) => e.movedTo)).toEqual([
    '2026-12-30',
    '2026-12-31',
    '2027-01-15',
  ]);
  expect((await call({ url: summaryUrl('2026-12-31') })).body).toEqual(summary);
  expect((await call({ url: summaryUrl('2026-12-30') })).body).toEqual(summary);
});

test('the office’s command line cancels a session with the same carry-over, by 系统', async () => {
  await standOn('2027-01-02T10:00:00+08:00');
  const said = await runSessionsCommand(
    ['cancel', '--station', STATION, '--date', '2027-01-15', '--reason', '春运道路安全检查'],
    testApp.database.handle.db,
    clock,
  );
  expect(said).toBe(`已取消 ${firstStation.name} 2027-01-15 的接待日：春运道路安全检查\n4 条反馈已转入 2027-01-30 的接待日`);
  expect(agendaNames((await agenda('2027-01-30')).body)).toEqual(['accepted', 'pending', 'anonymous', 'late']);
  expect((await detail('pending')).events.at(-1)).toMatchObject({
    action: 'moved',
    actor: '系统',
    movedFrom: '2027-01-15',
    movedTo: '2027-01-30',
    text: '春运道路安全检查',
  });
});
