import { buildPath, type RouteContract } from '../../src/core/api/contract';
import { feedbackContract } from '../../src/core/feedback/contract';
import { InboxQuerySchema } from '../../src/core/feedback/schemas';
import { reportsContract } from '../../src/core/reports/contract';
import { download, fileText, readCsv } from '../support/export-files';
import { FAKE_APPID, FAKE_SECRET, startFakeWeChat, type FakeWeChat } from '../support/fake-wechat';
import { jpegPhoto, submitItem, uploadPhoto } from '../support/feedback-fixture';
import { publishedEvent, takeDailyQuiz } from '../support/sharing-fixture';
import { apiCaller, bindSupervisor, signInGuest, signInStaff, signInWeChat, type SignedInPerson } from '../support/sign-in';
import { createTestApp, type TestApp } from '../support/test-app';
import { firstStation } from '../support/town-fixture';

// DESIGN §3: no staff interface ever shows who submitted an anonymous item. This file submits anonymous
// items in every way a person can, works on them, then reads every answer the office can get.

let clock = new Date('2026-11-26T10:00:00+08:00');
let wechat: FakeWeChat;
let testApp: TestApp;
let office: string;
const STATION = firstStation.id;

/** Every office-facing operation of the contracts: a route added later is checked without editing this file. */
const officeFacing = [
  ...Object.values(feedbackContract as Record<string, RouteContract>).filter(
    (c) => c.operation.startsWith('staff.') || c.operation === 'feedback.sessionSummary',
  ),
  // The figures and the files made from them (issue 8).
  ...Object.values(reportsContract as Record<string, RouteContract>).filter((c) => c.operation.startsWith('staff.')),
];
const exercised = new Set<string>();
const answers: { operation: string; url: string; status: number; raw: string }[] = [];

/**
 * Calls one contract operation as the office and keeps the raw answer for the final check; a file's
 * answer is kept as all its text (every cell of a workbook, the whole of a CSV).
 */
async function asOffice(
  contract: RouteContract,
  input: { params?: Record<string, string>; query?: string; body?: object } = {},
): Promise<{ status: number; body: any }> {
  const url = `${buildPath(contract.path, input.params)}${input.query ? `?${input.query}` : ''}`;
  if (contract.response === undefined) {
    const file = await download(testApp, url, office);
    const raw = file.status === 200 ? await fileText(file.body, file.headers['content-type']) : file.body.toString('utf8');
    exercised.add(contract.operation);
    answers.push({ operation: contract.operation, url, status: file.status, raw });
    return { status: file.status, body: file.status === 200 ? file.body : JSON.parse(raw) };
  }
  const answer = await apiCaller(testApp)({ method: contract.method as 'GET' | 'POST', url, token: office, body: input.body });
  exercised.add(contract.operation);
  answers.push({ operation: contract.operation, url, status: answer.status, raw: answer.raw });
  return answer;
}

async function standOn(instant: string) {
  clock = new Date(instant);
  office = await signInStaff(testApp, { username: 'zhang.keyuan', displayName: '张科员' }, clock);
}

interface Submitter extends SignedInPerson {
  /** Everything that would tell the office who this is. */
  identifiers: string[];
  /**
   * Who they are in a public office: the dashboard lists every supervisor by name with the 监督意见
   * filed under that name (never anonymous), which links them to no anonymous item.
   */
  publicRole?: string[];
}

/** Answers that list supervisors as such; everywhere else their name is searched for like any identifier. */
const LISTS_SUPERVISORS = ['staff.dashboard'];

const anonymous: Record<string, { id: string; by: Submitter }> = {};
let namedSupervision: string;
let supervisorsComplaint: string;

beforeAll(async () => {
  wechat = await startFakeWeChat();
  testApp = await createTestApp({ now: () => clock, wechat: { apiBase: wechat.apiBase, appId: FAKE_APPID, secret: FAKE_SECRET } });
  await standOn('2026-11-26T10:00:00+08:00');
  const db = testApp.database.handle.db;

  const wechatUser = await signInWeChat(testApp, 'oAnonymousWeChatUser0001');
  const guest = await signInGuest(testApp);
  const supervisor = await signInWeChat(testApp, 'oAnonymousSupervisor0002');
  await bindSupervisor(testApp, office, supervisor, { name: '陈秀英', certificateNo: 'BS-2026-201' });
  const supervisorRecord = await db.selectFrom('supervisor').select('id').where('certificateNo', '=', 'BS-2026-201').executeTakeFirstOrThrow();
  const people: Record<string, Submitter> = {
    wechat: { ...wechatUser, identifiers: [wechatUser.userId, wechatUser.token, 'oAnonymousWeChatUser0001'] },
    guest: { ...guest, identifiers: [guest.userId, guest.token] },
    supervisor: {
      ...supervisor,
      identifiers: [supervisor.userId, supervisor.token, 'oAnonymousSupervisor0002', 'BS-2026-201'],
      publicRole: ['陈秀英', supervisorRecord.id],
    },
  };

  const submit = async (name: string, by: Submitter, fields: object) => {
    clock = new Date(clock.getTime() + 60_000);
    anonymous[name] = { id: (await submitItem(testApp, by.token, { anonymous: true, ...fields })).id, by };
  };
  const photos = async (by: Submitter, seeds: number[]) =>
    Promise.all(seeds.map(async (seed) => uploadPhoto(testApp, by.token, await jpegPhoto(seed))));
  await submit('withPhotos', people.wechat, {
    categoryId: 'city-management',
    content: '菜市场门口占道经营严重，执法人员收了摊主的烟。',
    photoIds: await photos(people.wechat, [1, 2]),
    place: { name: '菜市场东门', latitude: 29.08, longitude: 106.14 },
    incidentAt: '2026-11-25T08:30',
  });
  await submit('fromGuest', people.guest, {
    kind: 'suggestion',
    categoryId: 'environment',
    content: '建议在河边增设垃圾分类回收点。',
    photoIds: await photos(people.guest, [3]),
  });
  await submit('fromSupervisor', people.supervisor, {
    categoryId: 'transport',
    content: '执法车辆在学校门口随意停放，影响接送。',
    photoIds: await photos(people.supervisor, [4]),
  });
  await submit('duplicate', people.guest, { categoryId: 'city-management', content: '菜市场门口占道，执法人员视而不见。' });
  await submit('toRefuse', people.wechat, { kind: 'inquiry', categoryId: 'other', content: '请问宅基地翻建需要办理哪些手续？' });

  // The same supervisor, named but not filing a 监督意见: the office reads 居民, never the certificate.
  clock = new Date(clock.getTime() + 60_000);
  const complaint = { categoryId: 'market', content: '超市出售过期食品，希望执法部门查处。', mobile: '13812345678' };
  supervisorsComplaint = (await submitItem(testApp, supervisor.token, complaint)).id;
  // Another supervisor files a 监督意见 under their own name: the one place a name belongs.
  const named = await signInGuest(testApp);
  await bindSupervisor(testApp, office, named, { name: '刘建国', certificateNo: 'BS-2026-202' });
  clock = new Date(clock.getTime() + 60_000);
  namedSupervision = (
    await submitItem(testApp, named.token, {
      kind: 'supervision',
      categoryId: 'transport',
      content: '旁听交通执法时发现执法记录仪未全程开启。',
      enforcementUnit: '区交通运输综合行政执法支队',
      caseReference: '江交执罚〔2026〕118号',
    })
  ).id;
});

afterAll(async () => {
  await testApp.close();
  await wechat.close();
});

const act = (name: string, body: object) => asOffice(feedbackContract.act, { params: { id: anonymous[name].id }, body });

test('the office works on anonymous items as on any other, and the submitter is still told', async () => {
  expect((await act('withPhotos', { action: 'accept' })).status).toBe(200);
  expect((await act('withPhotos', { action: 'note', text: '与城管中队核实' })).status).toBe(200);
  expect((await act('withPhotos', { action: 'flag', flagged: true })).status).toBe(200);
  expect((await act('duplicate', { action: 'link', duplicateOf: anonymous.withPhotos.id })).status).toBe(200);
  expect((await act('withPhotos', { action: 'reply', text: '已责成城管中队整改并调查收受财物一事。' })).status).toBe(200);
  expect((await act('withPhotos', { action: 'close' })).status).toBe(200);
  expect((await act('toRefuse', { action: 'reject', reason: '不属于行政执法监督范围' })).status).toBe(200);
  expect((await act('fromGuest', { action: 'accept' })).status).toBe(200);
  expect((await act('toRefuse', { action: 'accept' })).status).toBe(409);
  expect((await act('fromGuest', { action: 'flag', flagged: false })).status).toBe(409);

  const db = testApp.database.handle.db;
  const told = await db.selectFrom('notificationOutbox').select(['userId', 'itemId', 'template']).execute();
  const to = (name: string) => told.filter((n) => n.itemId === anonymous[name].id).map((n) => [n.template, n.userId]);
  const { withPhotos, duplicate, toRefuse } = anonymous;
  expect(to('withPhotos')).toEqual([['status', withPhotos.by.userId], ['reply', withPhotos.by.userId], ['status', withPhotos.by.userId]]);
  expect(to('duplicate')).toEqual([['reply', duplicate.by.userId]]);
  expect(to('toRefuse')).toEqual([['status', toRefuse.by.userId]]);
});

test('each anonymous item reads 匿名 with no mobile; named submitters are shown only as far as the office may know', async () => {
  for (const { id } of Object.values(anonymous)) {
    const item = await asOffice(feedbackContract.item, { params: { id } });
    expect(item.body).toMatchObject({ anonymous: true, submitter: '匿名', mobileMasked: null });
    expect(item.body.events.filter((e: { actor: string }) => !['提交人', '张科员', '系统'].includes(e.actor))).toEqual([]);
  }
  const photos = (await asOffice(feedbackContract.item, { params: { id: anonymous.withPhotos.id } })).body.photos;
  expect(photos).toHaveLength(2);
  expect((await asOffice(feedbackContract.item, { params: { id: supervisorsComplaint } })).body).toMatchObject({
    submitter: '居民',
    mobileMasked: '138****5678',
  });
  expect((await asOffice(feedbackContract.item, { params: { id: namedSupervision } })).body.submitter).toBe('监督员 刘建国');
});

test('every inbox filter, the agenda, closing, cancelling, moving and the summary', async () => {
  await standOn('2026-12-08T10:00:00+08:00');
  const values: Record<string, string[]> = {
    stationId: [STATION],
    sessionDate: ['2026-11-30'],
    status: ['pending', 'accepted', 'replied', 'closed', 'rejected'],
    categoryId: ['city-management', 'environment', 'transport', 'other'],
    kind: ['complaint', 'suggestion', 'inquiry', 'supervision'],
    overdue: ['0', '1'],
    flagged: ['0', '1'],
    q: [encodeURIComponent('占道'), anonymous.fromSupervisor.id.slice(0, 8)],
    page: ['1', '2'],
  };
  // A filter added to the contract must be added here too.
  expect(Object.keys(values).sort()).toEqual(Object.keys(InboxQuerySchema.shape).sort());
  expect((await asOffice(feedbackContract.inbox)).body.total).toBe(7);
  for (const [name, options] of Object.entries(values)) {
    for (const value of options) expect((await asOffice(feedbackContract.inbox, { query: `${name}=${value}` })).status).toBe(200);
  }

  await standOn('2026-11-30T10:00:00+08:00');
  const session = { stationId: STATION, date: '2026-11-30' };
  expect((await asOffice(feedbackContract.agenda, { params: session })).body.items).toHaveLength(7);
  expect((await asOffice(feedbackContract.closeSession, { params: session, body: { note: '本次接待日共收到 7 条反馈' } })).status).toBe(200);
  expect((await asOffice(feedbackContract.closeSession, { params: session, body: {} })).status).toBe(409);
  expect((await asOffice(feedbackContract.sessionSummary, { params: session })).body.raised).toBe(7);

  const cancelled = await asOffice(feedbackContract.changeSession, {
    params: { stationId: STATION, date: '2026-12-15' },
    body: { kind: 'cancelled', reason: '全镇集中宣传活动' },
  });
  expect(cancelled.body.itemsMoved).toBeGreaterThan(0);
  const moved = await asOffice(feedbackContract.changeSession, {
    params: { stationId: STATION, date: '2026-12-30' },
    body: { kind: 'moved', newDate: '2026-12-31', newWindow: { start: '14:00', end: '16:30' }, reason: '与安全检查冲突' },
  });
  expect(moved.body.itemsMoved).toBe(cancelled.body.itemsMoved);
  expect((await asOffice(feedbackContract.agenda, { params: { stationId: STATION, date: '2026-12-30' } })).body.items.length).toBe(
    moved.body.itemsMoved,
  );
  for (const { id } of Object.values(anonymous)) {
    expect((await asOffice(feedbackContract.item, { params: { id } })).status).toBe(200);
  }
});

test('the figures, the annual workbook and every export in both formats', async () => {
  // The anonymous submitters also sign up, get checked in and take the daily quiz: the files list all of it.
  await standOn('2026-12-01T09:00:00+08:00');
  const eventId = await publishedEvent(testApp, office, '宪法宣传周进院坝', '2026-12-02T09:00:00+08:00', '2026-12-02T11:00:00+08:00');
  const call = apiCaller(testApp);
  for (const by of [anonymous.withPhotos.by, anonymous.fromGuest.by, anonymous.fromSupervisor.by]) {
    expect((await call({ method: 'POST', url: `/events/${eventId}/sign-ups`, token: by.token, body: {} })).status).toBe(200);
  }
  await standOn('2026-12-02T09:30:00+08:00');
  const signUp = await testApp.database.handle.db
    .selectFrom('eventSignUp')
    .select('id')
    .where('userId', '=', anonymous.withPhotos.by.userId)
    .executeTakeFirstOrThrow();
  expect((await call({ method: 'POST', url: `/staff/events/${eventId}/check-ins`, token: office, body: { signUpId: signUp.id } })).status).toBe(200);
  await takeDailyQuiz(testApp, anonymous.withPhotos.by);
  await takeDailyQuiz(testApp, anonymous.fromSupervisor.by);
  await standOn('2026-12-02T12:00:00+08:00');
  expect((await asOffice(reportsContract.recordAttendance, { params: { id: eventId }, body: { attendance: 40 } })).status).toBe(200);

  const period = 'from=2026-11-01&to=2026-12-31';
  const dashboard = await asOffice(reportsContract.dashboard, { query: period });
  expect(dashboard.body.feedback.total).toBe(7);
  // 陈秀英 filed nothing under her name; what she sent anonymously is nobody's.
  const bySupervisor = Object.fromEntries(dashboard.body.supervision.bySupervisor.map((s: { name: string; opinions: number }) => [s.name, s.opinions]));
  expect(bySupervisor).toEqual({ 陈秀英: 0, 刘建国: 1 });
  expect((await asOffice(reportsContract.dashboard, { query: `${period}&community=chaotianzui` })).status).toBe(200);
  expect((await asOffice(reportsContract.annualSummary, { query: 'year=2026' })).body.figures).toHaveLength(8);
  expect((await asOffice(reportsContract.annualSummaryFile, { query: 'year=2026' })).status).toBe(200);
  for (const format of ['xlsx', 'csv']) {
    for (const contract of [reportsContract.exportFeedback, reportsContract.exportSignUps, reportsContract.exportQuizResults]) {
      expect((await asOffice(contract, { query: `${period}&format=${format}` })).status).toBe(200);
    }
  }
  // The feedback export does list the anonymous items: as 匿名, with no number.
  const csv = readCsv((await download(testApp, `/staff/exports/feedback?${period}&format=csv`, office)).body);
  const anonymousIds = new Set(Object.values(anonymous).map(({ id }) => id));
  const rows = csv.filter((row) => anonymousIds.has(row[0]));
  expect(rows).toHaveLength(anonymousIds.size);
  for (const row of rows) expect(row.slice(-2)).toEqual(['匿名', '']);
  const files = answers.filter((a) => a.operation.startsWith('staff.export'));
  expect(files.map((a) => a.url.endsWith('format=xlsx') || a.url.endsWith('format=csv'))).toEqual(Array(6).fill(true));
  expect(answers.find((a) => a.operation === 'staff.exportSignUps' && a.url.endsWith('csv'))?.raw).toContain('宪法宣传周进院坝');
  expect(answers.find((a) => a.operation === 'staff.exportQuizResults' && a.url.endsWith('csv'))?.raw).toContain('每日一练');
});

test('no answer the office received names or identifies an anonymous submitter', () => {
  expect([...exercised].sort()).toEqual(officeFacing.map((c) => c.operation).sort());
  const submitters = Object.values(anonymous).map(({ by }) => by);
  const leaks = answers.flatMap((answer) => {
    const identifiers = submitters.flatMap((by) => [...by.identifiers, ...(LISTS_SUPERVISORS.includes(answer.operation) ? [] : (by.publicRole ?? []))]);
    return [...new Set(identifiers)]
      .filter((identifier) => answer.raw.includes(identifier))
      .map((identifier) => `${answer.operation} ${answer.url}: ${identifier}`);
  });
  expect(leaks).toEqual([]);
  // The check reads the raw bodies: the named supervisor, where a name belongs, is found by it.
  expect(answers.some((answer) => answer.raw.includes('刘建国'))).toBe(true);
  expect(answers.length).toBeGreaterThan(30);
});
