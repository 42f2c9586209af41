import { dispatchDueNotifications, startNotificationDispatcher } from '../../src/server/features/feedback/notification-dispatcher';
import { queueEventReminders } from '../../src/server/features/events/event-reminders';
import { WeChatClient } from '../../src/server/features/identity/wechat-client';
import { FAKE_APPID, FAKE_SECRET, startFakeWeChat, type FakeWeChat } from '../support/fake-wechat';
import { apiCaller, signInGuest, signInStaff, signInWeChat, type SignedInPerson } from '../support/sign-in';
import { createTestApp, type TestApp } from '../support/test-app';

// 提醒我 (issue 7, must 2): the day before an event, in Shanghai, the outbox queues one 'event' message
// to each person who asked, and the dispatcher sends it through WeChat, opening the event's page. A
// cancellation is told with the same template, the only one the event's page asks for (on 报名 and 提醒我).
let clock = new Date('2026-11-26T10:00:00+08:00');
let wechat: FakeWeChat;
let testApp: TestApp;
let call: ReturnType<typeof apiCaller>;
let office: string;
const TEMPLATES = { status: 'tpl-status-1', event: 'tpl-event-1' } as const;
const people: Record<'wechat' | 'browser' | 'signedUpOnly', SignedInPerson> = {} as never;
const ids: Record<'constitutionDay' | 'moved' | 'cancelled', string> = {} as never;
const db = () => testApp.database.handle.db;

async function standOn(instant: string) {
  clock = new Date(instant);
  office = await signInStaff(testApp, { username: 'qian.keyuan', displayName: '钱科员' }, clock);
}

function eventInput(fields: Record<string, unknown>) {
  return {
    title: '国家宪法日集中宣传',
    type: 'campaign',
    theme: '宪法宣传周',
    law: '宪法',
    startsAt: '2026-12-04T09:00:00+08:00',
    endsAt: '2026-12-04T12:00:00+08:00',
    place: { name: '白沙镇政府广场' },
    communityId: 'chaotianzui',
    organiser: '白沙镇法治建设科',
    capacity: null,
    description: '宪法宣传周集中宣传，发放宣传资料，现场解答法律问题。',
    ...fields,
  };
}

async function publishedEvent(fields: Record<string, unknown>): Promise<string> {
  const created = await call({ method: 'POST', url: '/staff/events', token: office, body: eventInput(fields) });
  expect((await call({ method: 'POST', url: `/staff/events/${created.body.id}/publish`, token: office })).status).toBe(200);
  return created.body.id;
}

async function reminders() {
  const rows = await db()
    .selectFrom('notificationOutbox')
    .select(['userId', 'payload', 'status', 'lastError', 'dedupeKey'])
    .where('template', '=', 'event')
    .where('dedupeKey', 'like', 'event:%')
    .orderBy('createdAt')
    .orderBy('userId')
    .execute();
  const nameOf = (userId: string) => Object.entries(people).find(([, p]) => p.userId === userId)?.[0];
  return rows.map((r) => ({ ...r, who: nameOf(r.userId), payload: JSON.parse(r.payload) }));
}

const remind = async (id: string, person: SignedInPerson) =>
  expect((await call({ method: 'POST', url: `/events/${id}/reminder`, token: person.token })).status).toBe(200);

beforeAll(async () => {
  wechat = await startFakeWeChat();
  testApp = await createTestApp({
    now: () => clock,
    wechat: { apiBase: wechat.apiBase, appId: FAKE_APPID, secret: FAKE_SECRET, templates: TEMPLATES },
  });
  call = apiCaller(testApp);
  await standOn('2026-11-26T10:00:00+08:00');
  people.wechat = await signInWeChat(testApp, 'openid-event-reminder');
  people.browser = await signInGuest(testApp);
  people.signedUpOnly = await signInGuest(testApp);
  // The person accepted the 活动提醒 template in WeChat's dialog twice: once on 报名, once on 提醒我.
  for (let tap = 0; tap < 2; tap += 1) {
    const accepted = await call({ method: 'POST', url: '/notifications/subscriptions', token: people.wechat.token, body: { accepted: ['event'] } });
    expect(accepted.status).toBe(200);
  }

  ids.constitutionDay = await publishedEvent({ title: '国家宪法日宪法宣传周集中宣传活动（白沙镇）' });
  ids.moved = await publishedEvent({ title: '民法典进院坝', startsAt: '2026-12-04T14:00:00+08:00', endsAt: '2026-12-04T16:00:00+08:00', place: { name: '朝天咀社区院坝' } });
  ids.cancelled = await publishedEvent({ title: '反诈宣传摆摊', startsAt: '2026-12-04T09:00:00+08:00', endsAt: '2026-12-04T11:00:00+08:00' });
  for (const id of Object.values(ids)) {
    await remind(id, people.wechat);
    await remind(id, people.browser);
  }
  // Signing up alone asks for no reminder.
  expect((await call({ method: 'POST', url: `/events/${ids.constitutionDay}/sign-ups`, token: people.signedUpOnly.token, body: {} })).status).toBe(200);
  expect((await call({ method: 'POST', url: `/events/${ids.cancelled}/sign-ups`, token: people.wechat.token, body: {} })).status).toBe(200);
  expect((await call({ method: 'POST', url: `/staff/events/${ids.cancelled}/cancel`, token: office, body: { reason: '与宪法日活动合并' } })).status).toBe(200);
});

afterAll(async () => {
  await testApp.close();
  await wechat.close();
});

test('the day before in Shanghai, once per person who asked, however often it runs; nothing for a cancelled event', async () => {
  await queueEventReminders(db(), new Date('2026-12-02T20:00:00+08:00'));
  // 15:59 UTC on 2 December is still the 2nd in Shanghai; a minute later it is the 3rd.
  await queueEventReminders(db(), new Date('2026-12-02T15:59:00Z'));
  expect(await reminders()).toEqual([]);

  await queueEventReminders(db(), new Date('2026-12-02T16:00:00Z'));
  await queueEventReminders(db(), new Date('2026-12-03T20:00:00+08:00'));
  const queued = await reminders();
  expect(queued.map((r) => [r.who, r.payload.thing1.value]).sort()).toEqual([
    ['browser', '国家宪法日宪法宣传周集中宣传活动（白沙…'],
    ['browser', '民法典进院坝'],
    ['wechat', '国家宪法日宪法宣传周集中宣传活动（白沙…'],
    ['wechat', '民法典进院坝'],
  ]);
  const moved = queued.find((r) => r.who === 'wechat' && r.payload.thing1.value === '民法典进院坝')!;
  expect(moved.payload).toEqual({ thing1: { value: '民法典进院坝' }, time2: { value: '2026-12-04 14:00' }, thing3: { value: '朝天咀社区院坝' } });
  expect(queued.every((r) => r.status === 'pending')).toBe(true);

  // On the day itself nothing more is queued.
  await queueEventReminders(db(), new Date('2026-12-04T08:00:00+08:00'));
  expect(await reminders()).toHaveLength(4);
});

test('sent through WeChat to the person who accepted the template, opening the event; a browser guest’s is recorded as not sent', async () => {
  clock = new Date('2026-12-03T20:01:00+08:00');
  await dispatchDueNotifications({
    db: db(),
    wechat: new WeChatClient({ apiBase: wechat.apiBase, appId: FAKE_APPID, secret: FAKE_SECRET }),
    templates: TEMPLATES,
    now: () => clock,
  });
  const sent = wechat.messages.filter((m) => m.body.template_id === 'tpl-event-1' && !m.body.data.thing3.value.startsWith('已取消'));
  // Two grants: the cancellation (queued first) takes one, the first of the person's two reminders the
  // other, and the second waits for another tap.
  expect(sent).toHaveLength(1);
  expect(sent[0].body.touser).toBe('openid-event-reminder');
  expect(sent[0].body.page).toMatch(/^packages\/events\/detail\/index\?id=[0-9a-f-]{36}$/);
  expect([ids.constitutionDay, ids.moved]).toContain(sent[0].body.page.split('=')[1]);
  const outcome = (await reminders()).map((r) => [r.who, r.status, r.lastError]);
  expect(outcome.filter(([who]) => who === 'browser')).toEqual([
    ['browser', 'not_sent', '用户在浏览器中使用，没有微信身份，无法接收订阅消息'],
    ['browser', 'not_sent', '用户在浏览器中使用，没有微信身份，无法接收订阅消息'],
  ]);
  expect(outcome.filter(([who]) => who === 'wechat').map(([, status]) => status).sort()).toEqual(['not_sent', 'sent']);

  // The notice that the event was cancelled (queued when the office cancelled it) goes with the event
  // template the person granted, with the reason, and opens that event's page.
  const cancelNotice = wechat.messages.filter((m) => m.body.page === `packages/events/detail/index?id=${ids.cancelled}`);
  expect(cancelNotice.map((m) => [m.body.touser, m.body.template_id, m.body.data])).toEqual([
    [
      'openid-event-reminder',
      'tpl-event-1',
      { thing1: { value: '反诈宣传摆摊' }, time2: { value: '2026-12-04 09:00' }, thing3: { value: '已取消：与宪法日活动合并' } },
    ],
  ]);
  expect(wechat.messages.filter((m) => m.body.template_id === 'tpl-status-1')).toEqual([]);
  const cancelRow = await db().selectFrom('notificationOutbox').select(['template', 'status']).where('dedupeKey', 'like', 'event-cancelled:%').execute();
  expect(cancelRow).toEqual([{ template: 'event', status: 'sent' }]);
});

test('an event moved to another day is announced again the day before it; the dispatcher’s rounds queue it', async () => {
  await standOn('2026-12-03T21:00:00+08:00');
  const moved = await testApp.app.inject({
    method: 'PUT',
    url: `/api/staff/events/${ids.moved}`,
    headers: { authorization: `Bearer ${office}` },
    payload: eventInput({ title: '民法典进院坝', startsAt: '2026-12-06T14:00:00+08:00', endsAt: '2026-12-06T16:00:00+08:00', place: { name: '朝天咀社区院坝' } }),
  });
  expect(moved.statusCode).toBe(200);

  clock = new Date('2026-12-05T09:00:00+08:00');
  const loop = startNotificationDispatcher({
    db: db(),
    wechat: new WeChatClient({ apiBase: wechat.apiBase, appId: FAKE_APPID, secret: FAKE_SECRET }),
    templates: TEMPLATES,
    now: () => clock,
    log: testApp.app.log,
    intervalMs: 60_000,
  });
  await loop.stop();
  const again = (await reminders()).slice(4);
  expect(again.map((r) => [r.who, r.payload.time2.value]).sort()).toEqual([
    ['browser', '2026-12-06 14:00'],
    ['wechat', '2026-12-06 14:00'],
  ]);
  // Sent or not, each was settled in the same round.
  expect(again.every((r) => r.status !== 'pending')).toBe(true);
});
