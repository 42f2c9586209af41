import { feedbackContract } from '../../src/core/feedback/contract';
import type { RouteContract } from '../../src/core/api/contract';
import { FAKE_APPID, FAKE_SECRET, startFakeWeChat, type FakeWeChat } from '../support/fake-wechat';
import { submitItem } from '../support/feedback-fixture';
import { apiCaller, bindSupervisor, signInGuest, signInStaff, signInWeChat, type SignedInPerson } from '../support/sign-in';
import { createTestApp, type TestApp } from '../support/test-app';
import { firstStation } from '../support/town-fixture';

// Thursday morning; items submitted now go to Monday 30 November's session.
let clock = new Date('2026-11-26T10:00:00+08:00');
const advanceMinutes = (minutes: number) => {
  clock = new Date(clock.getTime() + minutes * 60_000);
};
let wechat: FakeWeChat;
let testApp: TestApp;
let call: ReturnType<typeof apiCaller>;
let zhang: string;
let li: string;
let resident: SignedInPerson;
/** An item id no item has. */
const MISSING = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  wechat = await startFakeWeChat();
  testApp = await createTestApp({ now: () => clock, wechat: { apiBase: wechat.apiBase, appId: FAKE_APPID, secret: FAKE_SECRET } });
  call = apiCaller(testApp);
  zhang = await signInStaff(testApp, { username: 'zhang.keyuan', displayName: '张科员' }, clock);
  li = await signInStaff(testApp, { username: 'li.keyuan', displayName: '李科员' }, clock);
  resident = await signInGuest(testApp);
});

afterAll(async () => {
  await testApp.close();
  await wechat.close();
});

const act = (token: string, id: string, body: object) => call({ method: 'POST', url: `/staff/feedback/${id}/actions`, token, body });
const detail = async (id: string) => (await call({ url: `/staff/feedback/${id}`, token: zhang })).body;

/** Everything an action could change about an item: its row, its history, the messages queued for it. */
async function stateOf(id: string) {
  const db = testApp.database.handle.db;
  return {
    item: await db.selectFrom('feedbackItem').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    events: await db.selectFrom('feedbackEvent').selectAll().where('itemId', '=', id).orderBy('seq').execute(),
    outbox: await db.selectFrom('notificationOutbox').select(['template', 'userId']).where('itemId', '=', id).execute(),
  };
}

async function outboxOf(id: string) {
  return testApp.database.handle.db
    .selectFrom('notificationOutbox')
    .select(['template', 'userId', 'payload'])
    .where('itemId', '=', id)
    .orderBy('createdAt')
    .execute();
}

/** An item brought to a status by the office through HTTP. */
async function itemIn(status: 'pending' | 'accepted' | 'replied' | 'closed' | 'rejected') {
  const { id } = await submitItem(testApp, resident.token);
  const steps: Record<typeof status, object[]> = {
    pending: [],
    accepted: [{ action: 'accept' }],
    replied: [{ action: 'accept' }, { action: 'reply', text: '已安排执法人员现场核查。' }],
    closed: [{ action: 'reply', text: '已安排执法人员现场核查。' }, { action: 'close' }],
    rejected: [{ action: 'reject', reason: '重复反映，已另案办理' }],
  };
  for (const step of steps[status]) expect((await act(zhang, id, step)).status).toBe(200);
  return id;
}

describe('the workflow through HTTP', () => {
  test('待受理 → 已受理 → 已答复 → 已办结, each step kept with who, when, from and to, and the submitter told', async () => {
    const { id } = await submitItem(testApp, resident.token);
    const submittedAt = clock.toISOString();
    advanceMinutes(30);
    const acceptedAt = clock.toISOString();
    const accepted = await act(zhang, id, { action: 'accept' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ id, status: 'accepted' });
    advanceMinutes(60);
    const repliedAt = clock.toISOString();
    const replied = await act(li, id, { action: 'reply', text: '已联系城管中队，本周内清理占道摊点。' });
    expect(replied.body.status).toBe('replied');
    advanceMinutes(60);
    const closedAt = clock.toISOString();
    const closed = await act(zhang, id, { action: 'close' });
    expect(closed.body.status).toBe('closed');

    const events = (await detail(id)).events.map((e: Record<string, unknown>) => [e.action, e.actor, e.at, e.fromStatus, e.toStatus, e.text]);
    expect(events).toEqual([
      ['submitted', '提交人', submittedAt, null, 'pending', null],
      ['accepted', '张科员', acceptedAt, 'pending', 'accepted', null],
      ['replied', '李科员', repliedAt, 'accepted', 'replied', '已联系城管中队，本周内清理占道摊点。'],
      ['closed', '张科员', closedAt, 'replied', 'closed', null],
    ]);
    const db = testApp.database.handle.db;
    const recorded = await db.selectFrom('feedbackEvent').select('staffId').where('itemId', '=', id).orderBy('seq').execute();
    const staffIds = recorded.map((e) => e.staffId);
    const accounts = await db.selectFrom('staffAccount').select(['id', 'username']).execute();
    const idOf = (username: string) => accounts.find((a) => a.username === username)?.id;
    expect(staffIds).toEqual([null, idOf('zhang.keyuan'), idOf('li.keyuan'), idOf('zhang.keyuan')]);

    const outbox = await outboxOf(id);
    expect(outbox.map((n) => [n.template, n.userId])).toEqual([
      ['status', resident.userId],
      ['reply', resident.userId],
      ['status', resident.userId],
    ]);
    expect(JSON.parse(outbox[0].payload).phrase2).toEqual({ value: '已受理' });
    expect(JSON.parse(outbox[1].payload).thing2.value).toBe('已联系城管中队，本周内清理占道摊点。');

    const mine = await call({ url: `/feedback/mine/${id}`, token: resident.token });
    expect(mine.body.status).toBe('closed');
    expect(mine.body.events.map((e: { action: string }) => e.action)).toEqual(['submitted', 'accepted', 'replied', 'closed']);
  });

  test('a reply may come straight from 待受理; rejecting keeps the reason and tells the submitter', async () => {
    const first = await submitItem(testApp, resident.token);
    const replied = await act(zhang, first.id, { action: 'reply', text: '已转交市场监管所核查处理。' });
    expect(replied.body.status).toBe('replied');

    const second = await submitItem(testApp, resident.token, { kind: 'inquiry', content: '请问宅基地上翻建房屋需要办理哪些手续？' });
    const rejected = await act(zhang, second.id, { action: 'reject', reason: '不属于行政执法监督范围，请咨询镇规划建设办' });
    expect(rejected.body.status).toBe('rejected');
    expect(rejected.body.events.at(-1)).toMatchObject({
      action: 'rejected',
      actor: '张科员',
      fromStatus: 'pending',
      toStatus: 'rejected',
      text: '不属于行政执法监督范围，请咨询镇规划建设办',
    });
    expect((await outboxOf(second.id)).map((n) => [n.template, JSON.parse(n.payload).phrase2.value])).toEqual([['status', '不予受理']]);
  });

  test.each([
    ['close before a reply', 'pending', { action: 'close' }, '还没有答复，不能办结'],
    ['close an accepted item', 'accepted', { action: 'close' }, '还没有答复，不能办结'],
    ['accept twice', 'accepted', { action: 'accept' }, '这条反馈已经受理过了'],
    ['accept after a reply', 'replied', { action: 'accept' }, '这条反馈已经答复，无需再受理'],
    ['reject after accepting', 'accepted', { action: 'reject', reason: '不属于受理范围' }, '这条反馈已经受理，不能再不予受理'],
    ['reject after a reply', 'replied', { action: 'reject', reason: '不属于受理范围' }, '这条反馈已经答复，不能再不予受理'],
    ['reply to a rejected item', 'rejected', { action: 'reply', text: '已安排执法人员现场核查。' }, '这条反馈已不予受理，不能再办理'],
    ['accept a rejected item', 'rejected', { action: 'accept' }, '这条反馈已不予受理，不能再办理'],
    ['close a rejected item', 'rejected', { action: 'close' }, '这条反馈已不予受理，不能再办理'],
    ['reject twice', 'rejected', { action: 'reject', reason: '不属于受理范围' }, '这条反馈已经不予受理了'],
    ['reply after closing', 'closed', { action: 'reply', text: '补充答复：已复查。' }, '这条反馈已经办结，不能再答复'],
    ['close twice', 'closed', { action: 'close' }, '这条反馈已经办结'],
  ] as const)('%s is refused with 409 and changes nothing', async (_what, status, action, message) => {
    const id = await itemIn(status);
    const before = await stateOf(id);
    const answer = await act(zhang, id, action);
    expect(answer.status).toBe(409);
    expect(answer.body).toEqual({ code: 'FEEDBACK_ACTION_NOT_ALLOWED', message });
    expect(await stateOf(id)).toEqual(before);
  });

  test.each([
    [{ action: 'reject' }, '请填写不予受理的理由'],
    [{ action: 'reject', reason: '  否 ' }, '不予受理的理由至少 2 个字'],
    [{ action: 'reply', text: '好的' }, '答复至少 5 个字'],
    [{ action: 'note', text: '' }, '内部备注至少 1 个字'],
    [{ action: 'flag' }, '研判标记应为是或否'],
    [{ action: 'link', duplicateOf: 'not-an-id' }, '反馈编号格式不对'],
    [{ action: 'escalate' }, '未知的操作'],
  ])('bad action %j is refused with 400 and its message, and changes nothing', async (action, message) => {
    const id = await itemIn('pending');
    const before = await stateOf(id);
    const answer = await act(zhang, id, action);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ code: 'INVALID_REQUEST', message });
    expect(await stateOf(id)).toEqual(before);
  });

  test('an item that does not exist is 404; a malformed id is 400', async () => {
    const missing = await act(zhang, MISSING, { action: 'accept' });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ code: 'FEEDBACK_NOT_FOUND', message: '找不到这条反馈' });
    expect((await call({ url: '/staff/feedback/00000000-0000-4000-8000-000000000000', token: zhang })).status).toBe(404);
    const malformed = await call({ url: '/staff/feedback/123', token: zhang });
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toBe('反馈编号格式不对');
  });

  test('two staff acting on one item at once: exactly one succeeds', async () => {
    const id = await itemIn('pending');
    const answers = await Promise.all([act(zhang, id, { action: 'accept' }), act(li, id, { action: 'accept' })]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const { events, outbox } = await stateOf(id);
    expect(events.filter((e) => e.action === 'accepted')).toHaveLength(1);
    expect(outbox).toHaveLength(1);

    const replies = await Promise.all([
      act(zhang, id, { action: 'reject', reason: '不属于受理范围' }),
      act(li, id, { action: 'reply', text: '已安排执法人员现场核查。' }),
      act(zhang, id, { action: 'note', text: '与社区网格员核实过' }),
    ]);
    const after = await stateOf(id);
    expect(replies[0].status).toBe(409);
    expect(replies[1].status).toBe(200);
    expect([200, 409]).toContain(replies[2].status);
    expect(after.item.status).toBe('replied');
    // Every answer that said 200 left exactly its event, numbered without gaps.
    expect(after.events.map((e) => e.seq)).toEqual(after.events.map((_e, i) => i + 1));
    expect(after.events.filter((e) => e.action === 'note')).toHaveLength(replies[2].status === 200 ? 1 : 0);
  });
});

describe('internal work the resident never sees', () => {
  test('notes and the 研判 flag are in the office’s history only', async () => {
    const { id } = await submitItem(testApp, resident.token);
    const noted = await act(zhang, id, { action: 'note', text: '当事人情绪激动，建议联合研判' });
    expect(noted.status).toBe(200);
    expect(noted.body.events.at(-1)).toMatchObject({ action: 'note', actor: '张科员', text: '当事人情绪激动，建议联合研判' });
    const flagged = await act(zhang, id, { action: 'flag', flagged: true });
    expect(flagged.body.flagged).toBe(true);

    const mine = await call({ url: `/feedback/mine/${id}`, token: resident.token });
    expect(mine.status).toBe(200);
    expect(mine.raw).not.toContain('当事人情绪激动');
    expect(mine.raw).not.toContain('flag');
    expect(mine.raw).not.toContain('张科员');
    expect(mine.body.events.map((e: { action: string }) => e.action)).toEqual(['submitted']);
    expect(await outboxOf(id)).toEqual([]);
  });

  test('the flag goes on and off once each; setting it again is refused', async () => {
    const { id } = await submitItem(testApp, resident.token);
    expect((await act(zhang, id, { action: 'flag', flagged: false })).body.message).toBe('这条反馈没有研判标记');
    expect((await act(zhang, id, { action: 'flag', flagged: true })).status).toBe(200);
    const again = await act(li, id, { action: 'flag', flagged: true });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('这条反馈已经标记研判');
    const off = await act(li, id, { action: 'flag', flagged: false });
    expect(off.body.flagged).toBe(false);
    expect(off.body.events.slice(1).map((e: { action: string; actor: string }) => [e.action, e.actor])).toEqual([
      ['flagged', '张科员'],
      ['unflagged', '李科员'],
    ]);
  });
});

describe('duplicates', () => {
  test('a reply to the main item reaches every duplicate’s submitter, each as their own reply', async () => {
    const neighbour = await signInGuest(testApp);
    const another = await signInGuest(testApp);
    const main = await submitItem(testApp, resident.token, { content: '滨江路夜间有大货车违停，堵住了消防通道。' });
    advanceMinutes(1);
    const duplicate = await submitItem(testApp, neighbour.token, { content: '滨江路晚上总停着大货车，消防车进不来。' });
    advanceMinutes(1);
    const third = await submitItem(testApp, another.token, { content: '滨江路消防通道被货车堵住好几天了。' });

    const linked = await act(zhang, duplicate.id, { action: 'link', duplicateOf: main.id });
    expect(linked.status).toBe(200);
    expect(linked.body.duplicateOf).toBe(main.id);
    expect((await act(zhang, third.id, { action: 'link', duplicateOf: main.id })).status).toBe(200);
    expect((await detail(main.id)).duplicates).toEqual([duplicate.id, third.id]);
    // The third submitter's item was already answered once by a colleague and closed: it takes no second reply.
    await act(li, third.id, { action: 'reply', text: '已转交交通执法大队处理。' });
    await act(li, third.id, { action: 'close' });

    const replyText = '已协调交通执法大队夜间巡查，违停货车已劝离。';
    const replied = await act(zhang, main.id, { action: 'reply', text: replyText });
    expect(replied.body.status).toBe('replied');
    const dup = await detail(duplicate.id);
    expect(dup.status).toBe('replied');
    expect(dup.events.at(-1)).toMatchObject({ action: 'replied', actor: '张科员', fromStatus: 'pending', toStatus: 'replied', text: replyText });
    expect((await outboxOf(duplicate.id)).map((n) => [n.template, n.userId])).toEqual([['reply', neighbour.userId]]);
    expect((await detail(third.id)).status).toBe('closed');

    const theirs = await call({ url: `/feedback/mine/${duplicate.id}`, token: neighbour.token });
    expect(theirs.body.status).toBe('replied');
    expect(theirs.body.events.at(-1)).toMatchObject({ action: 'replied', text: replyText });
  });

  test('an item linked after the main item was answered gets that answer', async () => {
    const main = await itemIn('replied');
    const late = await submitItem(testApp, (await signInGuest(testApp)).token);
    const linked = await act(zhang, late.id, { action: 'link', duplicateOf: main });
    expect(linked.body.status).toBe('replied');
    expect(linked.body.events.at(-1)).toMatchObject({ action: 'replied', text: '已安排执法人员现场核查。' });
  });

  test('links that would make no sense are refused and change nothing', async () => {
    const main = await itemIn('pending');
    const duplicate = await itemIn('pending');
    const other = await itemIn('pending');
    await act(zhang, duplicate, { action: 'link', duplicateOf: main });
    const cases: [string, string, number, string][] = [
      [other, other, 400, '不能把一条反馈标为它自己的重复'],
      [other, MISSING, 400, `找不到编号为 ${MISSING} 的反馈，请核对编号`],
      [other, duplicate, 409, `那条反馈本身已标为 ${main} 的重复，请直接关联到 ${main}`],
      [duplicate, other, 409, `这条反馈已经标为 ${main} 的重复`],
      [main, other, 409, '已有其他反馈标为这条的重复，它不能再标为别的反馈的重复'],
    ];
    for (const [item, target, status, message] of cases) {
      const touched = target === MISSING ? [item] : [item, target];
      const before = await Promise.all(touched.map(stateOf));
      const answer = await act(zhang, item, { action: 'link', duplicateOf: target });
      expect([answer.status, answer.body.message]).toEqual([status, message]);
      expect(await Promise.all(touched.map(stateOf))).toEqual(before);
    }
  });
});

describe('who may use the office routes', () => {
  const staffRoutes = Object.values(feedbackContract as Record<string, RouteContract>).filter((c) => c.operation.startsWith('staff.'));
  const urlOf = (contract: RouteContract) =>
    contract.path.replace(':stationId', firstStation.id).replace(':date', '2026-11-30').replace(':id', MISSING);

  test('there are staff routes to check', () => {
    expect(staffRoutes.map((c) => c.operation).sort()).toEqual([
      'staff.changeSession',
      'staff.closeSession',
      'staff.feedbackAction',
      'staff.feedbackInbox',
      'staff.feedbackItem',
      'staff.sessionAgenda',
    ]);
  });

  const routeCases = staffRoutes.map((c) => [c.operation, c] as const);
  test.each(routeCases)('%s: 403 for residents, guests and supervisors, 401 signed out', async (_op, contract) => {
    const wechatResident = await signInWeChat(testApp, `openid-${contract.operation}`);
    const supervisor = await signInGuest(testApp);
    await bindSupervisor(testApp, zhang, supervisor, { name: '周监督', certificateNo: `BS-${contract.operation}` });
    const body = contract.method === 'POST' ? { action: 'accept', kind: 'cancelled', reason: '测试原因' } : undefined;
    for (const person of [resident, wechatResident, supervisor]) {
      const answer = await call({ method: contract.method as 'GET' | 'POST', url: urlOf(contract), token: person.token, body });
      expect([answer.status, answer.body]).toEqual([403, { code: 'FORBIDDEN', message: '您没有权限进行这项操作' }]);
    }
    const signedOut = await call({ method: contract.method as 'GET' | 'POST', url: urlOf(contract), body });
    expect(signedOut.status).toBe(401);
    expect(await testApp.database.handle.db.selectFrom('sessionOverride').selectAll().execute()).toEqual([]);
  });
});

describe('the inbox', () => {
  // Its own server and clock: every filter is checked against a known set of items.
  let inboxClock = new Date('2026-11-26T09:00:00+08:00');
  let inboxApp: TestApp;
  let inboxCall: ReturnType<typeof apiCaller>;
  let office: string;
  const items: Record<string, string> = {};

  const submitAt = async (name: string, token: string, fields: object) => {
    inboxClock = new Date(inboxClock.getTime() + 60_000);
    items[name] = (await submitItem(inboxApp, token, fields)).id;
  };
  const inbox = async (query: string) => {
    const answer = await inboxCall({ url: `/staff/feedback?${query}`, token: office });
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const namesOf = (page: { items: { id: string }[] }) =>
    page.items.map((row) => Object.keys(items).find((name) => items[name] === row.id));
  const standOn = async (instant: string) => {
    inboxClock = new Date(instant);
    office = await signInStaff(inboxApp, { username: 'wang.keyuan', displayName: '王科员' }, inboxClock);
  };

  beforeAll(async () => {
    inboxApp = await createTestApp({ now: () => inboxClock });
    inboxCall = apiCaller(inboxApp);
    office = await signInStaff(inboxApp, { username: 'wang.keyuan', displayName: '王科员' }, inboxClock);
    const person = await signInGuest(inboxApp);
    const supervisor = await signInGuest(inboxApp);
    await bindSupervisor(inboxApp, office, supervisor, { name: '陈监督', certificateNo: 'BS-2026-101' });
    // Thursday 26 November: all go to Monday 30 November's session, a reply due Monday 7 December.
    await submitAt('A', person.token, { categoryId: 'city-management', content: '菜市场门口占道经营严重，早高峰车辆无法通行。' });
    await submitAt('B', person.token, { kind: 'suggestion', categoryId: 'environment', content: '建议在河边增设垃圾分类回收点，方便居民投放。' });
    await submitAt('C', person.token, { kind: 'inquiry', categoryId: 'other', content: '请问违法建筑拆除前是否会有书面通知？' });
    await submitAt('D', supervisor.token, {
      kind: 'supervision',
      categoryId: 'transport',
      content: '旁听交通执法时发现执法记录仪未全程开启。',
      enforcementUnit: '区交通运输综合行政执法支队',
      caseReference: '江交执罚〔2026〕118号',
    });
    await submitAt('E', person.token, { categoryId: 'fishery-river', content: '渔政执法时态度粗暴，说罚款100%要交，没有开票据。' });
    await submitAt('F', person.token, { categoryId: 'market', content: '超市出售过期食品，被罚款1000元后仍未整改。' });
    const act = (name: string, body: object) =>
      inboxCall({ method: 'POST', url: `/staff/feedback/${items[name]}/actions`, token: office, body });
    await act('A', { action: 'accept' });
    await act('B', { action: 'flag', flagged: true });
    await act('C', { action: 'reply', text: '拆除前会依法送达书面决定并告知权利。' });
    await act('F', { action: 'reject', reason: '已由区市场监管局立案处理' });
    // Tuesday 1 December: the next session is 15 December's; a reply due Thursday 10 December.
    await standOn('2026-12-01T10:00:00+08:00');
    await submitAt('G', person.token, { categoryId: 'city-management', content: '小区门口夜市占道，垃圾无人清理。' });
  });

  afterAll(() => inboxApp.close());

  test('overdue is counted in working days in Shanghai: not over the weekend, only once the last day has passed', async () => {
    const overdueAt = async (instant: string) => {
      await standOn(instant);
      const page = await inbox('overdue=1');
      const all = await inbox('');
      return { filtered: namesOf(page), marked: namesOf({ items: all.items.filter((i: { overdue: boolean }) => i.overdue) }) };
    };
    // Seven calendar days would end on Thursday 3 December; seven working days end on Monday 7 December.
    expect(await overdueAt('2026-12-05T10:00:00+08:00')).toEqual({ filtered: [], marked: [] });
    expect(await overdueAt('2026-12-07T23:59:00+08:00')).toEqual({ filtered: [], marked: [] });
    expect(await overdueAt('2026-12-08T00:00:00+08:00')).toEqual({ filtered: ['E', 'D', 'B', 'A'], marked: ['E', 'D', 'B', 'A'] });
    const item = await inboxCall({ url: `/staff/feedback/${items.A}`, token: office });
    expect(item.body).toMatchObject({ overdue: true, replyDue: '2026-12-07' });
    expect((await inboxCall({ url: `/staff/feedback/${items.C}`, token: office })).body).toMatchObject({ overdue: false, replyDue: '2026-12-07' });
  });

  test('newest first, with the configured categories to filter by', async () => {
    await standOn('2026-12-08T10:00:00+08:00');
    const all = await inbox('');
    expect(namesOf(all)).toEqual(['G', 'F', 'E', 'D', 'C', 'B', 'A']);
    expect(all).toMatchObject({ total: 7, page: 1, pageSize: 20 });
    expect(all.categories.map((c: { id: string }) => c.id)).toEqual([
      'city-management',
      'illegal-building',
      'transport',
      'fishery-river',
      'market',
      'environment',
      'other',
    ]);
    expect(all.items[0]).toMatchObject({
      kind: 'complaint',
      categoryName: '城市管理（占道经营、机动车违停）',
      status: 'pending',
      anonymous: false,
      flagged: false,
      overdue: false,
      photoCount: 0,
      duplicateOf: null,
      carriedFrom: null,
      session: { stationId: firstStation.id, originalDate: '2026-12-15', date: '2026-12-15', status: 'scheduled', closed: false },
    });
  });

  test.each([
    [`stationId=${firstStation.id}`, ['G', 'F', 'E', 'D', 'C', 'B', 'A']],
    ['stationId=another-station', []],
    ['sessionDate=2026-11-30', ['F', 'E', 'D', 'C', 'B', 'A']],
    ['sessionDate=2026-12-15', ['G']],
    ['status=pending', ['G', 'E', 'D', 'B']],
    ['status=accepted', ['A']],
    ['status=replied', ['C']],
    ['status=rejected', ['F']],
    ['status=closed', []],
    ['categoryId=city-management', ['G', 'A']],
    ['kind=supervision', ['D']],
    ['kind=complaint', ['G', 'F', 'E', 'A']],
    ['overdue=1', ['E', 'D', 'B', 'A']],
    ['overdue=0', ['G', 'F', 'C']],
    ['flagged=1', ['B']],
    ['flagged=0', ['G', 'F', 'E', 'D', 'C', 'A']],
    ['status=pending&overdue=1', ['E', 'D', 'B']],
    ['categoryId=city-management&sessionDate=2026-11-30', ['A']],
    [`q=${encodeURIComponent('占道')}`, ['G', 'A']],
    [`q=${encodeURIComponent(' 垃圾分类 ')}`, ['B']],
    // A search for "100%" finds the words "100%", not every text with 100 in it.
    [`q=${encodeURIComponent('100%')}`, ['E']],
    [`q=${encodeURIComponent('执法_')}`, []],
    [`q=${encodeURIComponent('没有这段文字')}`, []],
  ])('%s narrows the inbox', async (query, expected) => {
    await standOn('2026-12-08T10:00:00+08:00');
    const page = await inbox(query);
    expect(namesOf(page)).toEqual(expected);
    expect(page.total).toBe(expected.length);
  });

  test('a search finds an item by the first characters of its number', async () => {
    await standOn('2026-12-08T10:00:00+08:00');
    expect(namesOf(await inbox(`q=${items.D.slice(0, 8)}`))).toEqual(['D']);
    expect(namesOf(await inbox(`q=${items.D.slice(0, 8).toUpperCase()}`))).toEqual(['D']);
    expect(namesOf(await inbox(`q=${items.D.slice(4, 12)}`))).toEqual([]);
  });

  test.each([
    ['status=lost', '状态不对'],
    ['kind=praise', '类型不对'],
    ['overdue=yes', '超期筛选应为 0 或 1'],
    ['flagged=2', '研判筛选应为 0 或 1'],
    ['page=0', '页码从 1 开始'],
    ['page=1.5', '页码应为整数'],
    ['sessionDate=2026-11-31', '接待日应为存在的日期，格式如 2026-01-31'],
    [`q=${'查'.repeat(51)}`, '搜索词最多 50 个字'],
  ])('%s is refused with its message', async (query, message) => {
    await standOn('2026-12-08T10:00:00+08:00');
    const answer = await inboxCall({ url: `/staff/feedback?${encodeURI(query)}`, token: office });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ code: 'INVALID_REQUEST', message });
  });
});

test('the inbox comes a page at a time, newest first, each item on exactly one page', async () => {
  let pagingClock = new Date('2026-11-26T09:00:00+08:00');
  const pagingApp = await createTestApp({ now: () => pagingClock });
  try {
    const office = await signInStaff(pagingApp, { username: 'zhao.keyuan', displayName: '赵科员' }, pagingClock);
    const person = await signInGuest(pagingApp);
    const submitted: string[] = [];
    for (let i = 0; i < 25; i += 1) {
      pagingClock = new Date(pagingClock.getTime() + 60_000);
      submitted.push((await submitItem(pagingApp, person.token, { content: `第 ${i + 1} 条反馈：路灯不亮，夜间出行不便。` })).id);
    }
    const page = async (n: number) => (await apiCaller(pagingApp)({ url: `/staff/feedback?page=${n}`, token: office })).body;
    const [first, second, third] = [await page(1), await page(2), await page(3)];
    expect([first.items.length, second.items.length, third.items.length]).toEqual([20, 5, 0]);
    expect([first.total, second.total, third.total]).toEqual([25, 25, 25]);
    expect([...first.items, ...second.items].map((i: { id: string }) => i.id)).toEqual([...submitted].reverse());
  } finally {
    await pagingApp.close();
  }
});
