import { startNotificationDispatcher } from '../../src/server/features/feedback/notification-dispatcher';
import { queueSessionReminders } from '../../src/server/features/feedback/session-reminders';
import { WeChatClient } from '../../src/server/features/identity/wechat-client';
import { submitItem } from '../support/feedback-fixture';
import { apiCaller, signInGuest, signInStaff, type SignedInPerson } from '../support/sign-in';
import { createTestApp, type TestApp } from '../support/test-app';
import { firstStation } from '../support/town-fixture';

// The "session tomorrow" message (DESIGN §3), on pinned clocks around 15 and 30 December.
let clock = new Date('2026-12-01T10:00:00+08:00');
let testApp: TestApp;
let call: ReturnType<typeof apiCaller>;
let office: string;
const people: Record<'named' | 'anonymous' | 'answered', SignedInPerson> = {} as never;
const STATION = firstStation.id;
const db = () => testApp.database.handle.db;

async function standOn(instant: string) {
  clock = new Date(instant);
  office = await signInStaff(testApp, { username: 'sun.keyuan', displayName: '孙科员' }, clock);
}

const act = async (itemId: string, body: object) =>
  expect((await call({ method: 'POST', url: `/staff/feedback/${itemId}/actions`, token: office, body })).status).toBe(200);

async function reminders() {
  const rows = await db()
    .selectFrom('notificationOutbox')
    .select(['userId', 'itemId', 'template', 'payload', 'status', 'lastError'])
    .where('template', '=', 'session')
    .orderBy('createdAt')
    .execute();
  const nameOf = (userId: string) => Object.entries(people).find(([, p]) => p.userId === userId)?.[0];
  return rows.map((r) => ({ ...r, who: nameOf(r.userId), payload: JSON.parse(r.payload) }));
}

beforeAll(async () => {
  testApp = await createTestApp({ now: () => clock });
  call = apiCaller(testApp);
  await standOn('2026-12-01T10:00:00+08:00');
  people.named = await signInGuest(testApp);
  people.anonymous = await signInGuest(testApp);
  people.answered = await signInGuest(testApp);
  // All for Tuesday 15 December.
  await submitItem(testApp, people.named.token, { content: '菜市场门口每天早上都有占道经营，车辆无法通行。' });
  const accepted = await submitItem(testApp, people.named.token, { content: '滨江路夜间大货车违停，堵住了消防通道。' });
  await act(accepted.id, { action: 'accept' });
  await submitItem(testApp, people.anonymous.token, { anonymous: true, content: '执法人员上门检查时未出示执法证件。' });
  const done = await submitItem(testApp, people.answered.token, { content: '河边有人电鱼，已经好几次了。' });
  await act(done.id, { action: 'reply', text: '已通报渔政执法大队，近期加强巡查。' });
  await act(done.id, { action: 'close' });
  const refused = await submitItem(testApp, people.answered.token, { content: '超市出售过期食品，希望执法部门查处。' });
  await act(refused.id, { action: 'reject', reason: '已由区市场监管局立案处理' });
});

afterAll(() => testApp.close());

test('the day before a session, each person with items still open on it is reminded once, anonymous submitters too', async () => {
  await queueSessionReminders(db(), new Date('2026-12-13T20:00:00+08:00'));
  expect(await reminders()).toEqual([]);

  // Twice on Monday 14 December (in Shanghai, whatever the server's timezone): one message each.
  await queueSessionReminders(db(), new Date('2026-12-14T00:05:00+08:00'));
  await queueSessionReminders(db(), new Date('2026-12-14T20:00:00+08:00'));
  const queued = await reminders();
  expect(queued.map((r) => r.who).sort()).toEqual(['anonymous', 'named']);
  const named = queued.find((r) => r.who === 'named')!;
  expect(named).toMatchObject({ itemId: null, status: 'pending' });
  expect(named.payload).toEqual({
    thing1: { value: firstStation.name },
    time2: { value: '2026-12-15 09:00' },
    thing3: { value: '您有 2 条反馈在这次接待日办理' },
  });
  expect(queued.find((r) => r.who === 'anonymous')!.payload.thing3).toEqual({ value: '您有 1 条反馈在这次接待日办理' });

  // On the day itself nothing more is queued: tomorrow has no session.
  await queueSessionReminders(db(), new Date('2026-12-15T08:00:00+08:00'));
  expect(await reminders()).toHaveLength(2);
});

test('a session moved to another day is announced again the day before it is held; the dispatcher’s rounds queue it', async () => {
  await standOn('2026-12-15T10:00:00+08:00');
  expect((await call({ method: 'POST', url: `/staff/stations/${STATION}/sessions/2026-12-15/close`, token: office, body: {} })).status).toBe(200);
  const moved = await call({
    method: 'POST',
    url: `/staff/stations/${STATION}/sessions/2026-12-30/change`,
    token: office,
    body: { kind: 'moved', newDate: '2026-12-31', newWindow: { start: '14:00', end: '16:30' }, reason: '与元旦前安全检查冲突' },
  });
  expect(moved.status).toBe(200);

  await queueSessionReminders(db(), new Date('2026-12-29T10:00:00+08:00'));
  expect(await reminders()).toHaveLength(2);

  clock = new Date('2026-12-30T09:00:00+08:00');
  const loop = startNotificationDispatcher({
    db: db(),
    wechat: new WeChatClient({ apiBase: 'http://127.0.0.1:9', appId: undefined, secret: undefined }),
    templates: {},
    now: () => clock,
    log: testApp.app.log,
    intervalMs: 60_000,
  });
  await loop.stop();
  const again = (await reminders()).slice(2);
  expect(again.map((r) => r.who).sort()).toEqual(['anonymous', 'named']);
  expect(again.map((r) => r.payload.time2)).toEqual([{ value: '2026-12-31 14:00' }, { value: '2026-12-31 14:00' }]);
  // Without WeChat credentials they are recorded as not sent, with the reason, never dropped.
  expect(again.map((r) => [r.status, r.lastError])).toEqual([
    ['not_sent', '未配置微信小程序的 AppID 和 AppSecret（WECHAT_APPID、WECHAT_SECRET）'],
    ['not_sent', '未配置微信小程序的 AppID 和 AppSecret（WECHAT_APPID、WECHAT_SECRET）'],
  ]);
});

test('a cancelled session reminds no one; its items are reminded of the session they went to', async () => {
  // The items were not answered on the 31st either: closing carries them to 15 January.
  await standOn('2026-12-31T15:00:00+08:00');
  expect((await call({ method: 'POST', url: `/staff/stations/${STATION}/sessions/2026-12-31/close`, token: office, body: {} })).status).toBe(200);
  await standOn('2027-01-02T10:00:00+08:00');
  const cancelled = await call({
    method: 'POST',
    url: `/staff/stations/${STATION}/sessions/2027-01-15/change`,
    token: office,
    body: { kind: 'cancelled', reason: '春运道路安全检查' },
  });
  expect(cancelled.body.carriedTo).toMatchObject({ originalDate: '2027-01-30' });

  await queueSessionReminders(db(), new Date('2027-01-14T10:00:00+08:00'));
  expect(await reminders()).toHaveLength(4);
  await queueSessionReminders(db(), new Date('2027-01-29T10:00:00+08:00'));
  const latest = (await reminders()).slice(4);
  expect(latest.map((r) => [r.who, r.payload.time2.value]).sort()).toEqual([
    ['anonymous', '2027-01-30 09:00'],
    ['named', '2027-01-30 09:00'],
  ]);
});
