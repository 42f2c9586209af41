import { randomUUID } from 'node:crypto';
import type { NotificationTemplate } from '../../src/core/feedback/schemas';
import {
  dispatchDueNotifications,
  MAX_SEND_ATTEMPTS,
  startNotificationDispatcher,
  type DispatcherOptions,
} from '../../src/server/features/feedback/notification-dispatcher';
import { enqueueNotification } from '../../src/server/features/feedback/outbox';
import { WeChatClient } from '../../src/server/features/identity/wechat-client';
import { FAKE_APPID, FAKE_SECRET, startFakeWeChat, type FakeWeChat } from '../support/fake-wechat';
import { createTestApp, type TestApp } from '../support/test-app';
import { firstStation } from '../support/town-fixture';

let clock = new Date('2026-11-26T10:00:00+08:00');
let wechat: FakeWeChat;
let testApp: TestApp;
const TEMPLATES = { reply: 'tpl-reply-1', status: 'tpl-status-1' } as const;

beforeAll(async () => {
  wechat = await startFakeWeChat();
  testApp = await createTestApp({
    now: () => clock,
    wechat: { apiBase: wechat.apiBase, appId: FAKE_APPID, secret: FAKE_SECRET, templates: TEMPLATES },
  });
});

afterAll(async () => {
  await testApp.close();
  await wechat.close();
});

const db = () => testApp.database.handle.db;

async function call(method: 'GET' | 'POST', url: string, token: string, body?: object) {
  const response = await testApp.app.inject({
    method,
    url: `/api${url}`,
    headers: { authorization: `Bearer ${token}` },
    ...(body && { payload: body }),
  });
  return { status: response.statusCode, body: response.json() };
}

/** A resident signed in through WeChat (the fake), with their user id. */
async function wechatResident(openid: string): Promise<{ token: string; userId: string }> {
  const response = await testApp.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: `ok-${openid}` } });
  const token = response.json().token as string;
  const user = await db().selectFrom('appUser').select('id').where('wechatOpenid', '=', openid).executeTakeFirstOrThrow();
  return { token, userId: user.id };
}

async function browserGuest(): Promise<{ token: string; userId: string }> {
  const token = (await testApp.app.inject({ method: 'POST', url: '/api/auth/guest', payload: {} })).json().token as string;
  const users = await db().selectFrom('appUser').select('id').where('kind', '=', 'guest').orderBy('createdAt', 'desc').execute();
  return { token, userId: users[0].id };
}

const subscribe = (token: string, accepted: unknown[]) => call('POST', '/notifications/subscriptions', token, { accepted });

async function submitItem(token: string): Promise<string> {
  const response = await call('POST', '/feedback', token, {
    clientId: randomUUID(),
    stationId: firstStation.id,
    kind: 'inquiry',
    categoryId: 'other',
    content: '想咨询一下宅基地上建房需要办哪些手续。',
  });
  expect(response.status).toBe(200);
  return response.body.id as string;
}

async function enqueue(userId: string, itemId: string | null, template: NotificationTemplate = 'reply'): Promise<string> {
  const idsOf = async () =>
    (await db().selectFrom('notificationOutbox').select('id').where('userId', '=', userId).execute()).map((r) => r.id);
  const before = await idsOf();
  await db()
    .transaction()
    .execute((trx) =>
      enqueueNotification(trx, { userId, itemId, template, payload: { thing1: { value: '您的反馈已答复' }, time2: { value: '2026-11-26 10:00' } } }, clock),
    );
  const [added] = (await idsOf()).filter((id) => !before.includes(id));
  return added;
}

const outboxRow = (id: string) => db().selectFrom('notificationOutbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

async function grantsOf(userId: string): Promise<Record<string, number>> {
  const rows = await db().selectFrom('notificationGrant').select(['template', 'remaining']).where('userId', '=', userId).execute();
  return Object.fromEntries(rows.map((r) => [r.template, Number(r.remaining)]));
}

function dispatcher(overrides: Partial<DispatcherOptions> = {}): DispatcherOptions {
  return {
    db: db(),
    wechat: new WeChatClient({ apiBase: wechat.apiBase, appId: FAKE_APPID, secret: FAKE_SECRET }),
    templates: TEMPLATES,
    now: () => clock,
    ...overrides,
  };
}

/** Only one message is due in each test: earlier tests leave none pending that is due at `clock`. */
async function dispatchOnly(rowId: string, options = dispatcher()) {
  await dispatchDueNotifications(options);
  return outboxRow(rowId);
}

describe('subscribing', () => {
  test('each template accepted in WeChat’s dialog allows one more message of it', async () => {
    const { token, userId } = await wechatResident('openid-subscriber');
    expect((await subscribe(token, ['reply', 'status'])).status).toBe(200);
    expect((await subscribe(token, ['reply', 'reply'])).body).toEqual({ ok: true });
    expect(await grantsOf(userId)).toEqual({ reply: 2, status: 1 });
  });

  test('an unknown template is refused and nothing is granted', async () => {
    const { token, userId } = await wechatResident('openid-odd-template');
    const response = await subscribe(token, ['reply', 'lottery']);
    expect(response.status).toBe(400);
    expect(response.body.message).toBe('未知的订阅消息类型');
    expect(await grantsOf(userId)).toEqual({});
  });

  test('the form offers only the templates that are configured', async () => {
    const { token } = await wechatResident('openid-form');
    const form = await call('GET', '/feedback/form', token);
    expect(form.body.subscribeTemplates).toEqual([
      { kind: 'reply', templateId: 'tpl-reply-1' },
      { kind: 'status', templateId: 'tpl-status-1' },
    ]);
  });
});

describe('sending the outbox', () => {
  beforeEach(() => {
    clock = new Date(clock.getTime() + 24 * 60 * 60_000);
  });

  test('a message is sent through WeChat to the person, opening their item, and uses up one grant', async () => {
    const { token, userId } = await wechatResident('openid-sent');
    await subscribe(token, ['reply']);
    await subscribe(token, ['reply']);
    const itemId = await submitItem(token);
    const tokensBefore = wechat.tokenRequests.length;
    const first = await enqueue(userId, itemId);
    const second = await enqueue(userId, itemId);

    const outcome = await dispatchDueNotifications(dispatcher());
    expect(outcome).toEqual({ sent: 2, notSent: 0, retrying: 0, failed: 0 });
    for (const id of [first, second]) {
      expect(await outboxRow(id)).toMatchObject({ status: 'sent', sentAt: clock.toISOString(), lastError: null });
    }
    expect(await grantsOf(userId)).toEqual({ reply: 0 });
    const sent = wechat.messages.filter((m) => m.body.touser === 'openid-sent');
    expect(sent).toHaveLength(2);
    expect(sent[0].body).toEqual({
      touser: 'openid-sent',
      template_id: 'tpl-reply-1',
      page: `packages/feedback/detail/index?id=${itemId}`,
      data: { thing1: { value: '您的反馈已答复' }, time2: { value: '2026-11-26 10:00' } },
      lang: 'zh_CN',
    });
    // One access token served both messages.
    expect(wechat.tokenRequests.length - tokensBefore).toBe(1);
    expect(wechat.tokenRequests.at(-1)!.get('grant_type')).toBe('client_credential');

    // No grant left: the next one is recorded as not sent, and says why.
    const third = await enqueue(userId, itemId);
    expect(await dispatchOnly(third)).toMatchObject({ status: 'not_sent', lastError: '用户没有订阅这类消息，或订阅次数已用完' });
    expect(wechat.messages.filter((m) => m.body.touser === 'openid-sent')).toHaveLength(2);
  });

  test('without WeChat credentials a message is recorded as not sent, never dropped', async () => {
    const { token, userId } = await wechatResident('openid-no-credentials');
    await subscribe(token, ['reply']);
    const id = await enqueue(userId, null);
    const unconfigured = new WeChatClient({ apiBase: wechat.apiBase, appId: undefined, secret: undefined });
    const row = await dispatchOnly(id, dispatcher({ wechat: unconfigured }));
    expect(row).toMatchObject({ status: 'not_sent', lastError: '未配置微信小程序的 AppID 和 AppSecret（WECHAT_APPID、WECHAT_SECRET）' });
    expect(await grantsOf(userId)).toEqual({ reply: 1 });
  });

  test('without a template id for its kind a message is recorded as not sent, naming the setting', async () => {
    const { token, userId } = await wechatResident('openid-no-template');
    await subscribe(token, ['session']);
    const id = await enqueue(userId, null, 'session');
    expect(await dispatchOnly(id)).toMatchObject({ status: 'not_sent', lastError: '未配置这类订阅消息的模板编号（WECHAT_TEMPLATE_SESSION）' });
  });

  test('a browser guest, who has no WeChat identity, is recorded as not reachable', async () => {
    const { token, userId } = await browserGuest();
    await subscribe(token, ['reply']);
    const id = await enqueue(userId, await submitItem(token));
    expect(await dispatchOnly(id)).toMatchObject({ status: 'not_sent', lastError: '用户在浏览器中使用，没有微信身份，无法接收订阅消息' });
  });

  test('WeChat refusing a message is retried with growing waits, then given up as failed; no grant is used', async () => {
    const { token, userId } = await wechatResident('busy-openid');
    await subscribe(token, ['status']);
    const id = await enqueue(userId, null, 'status');
    const waits: number[] = [];
    for (let attempt = 1; attempt < MAX_SEND_ATTEMPTS; attempt += 1) {
      const row = await dispatchOnly(id);
      expect(row).toMatchObject({ status: 'pending', attempts: attempt, lastError: '微信拒收订阅消息（错误码 -1）' });
      const next = new Date(row.nextAttemptAt!);
      waits.push((next.getTime() - clock.getTime()) / 60_000);
      // Not due yet: a run now leaves it alone.
      expect(await dispatchOnly(id)).toMatchObject({ attempts: attempt });
      clock = next;
    }
    expect(waits).toEqual([1, 2, 4, 8]);
    expect(await dispatchOnly(id)).toMatchObject({ status: 'failed', attempts: MAX_SEND_ATTEMPTS, nextAttemptAt: null });
    expect(await grantsOf(userId)).toEqual({ status: 1 });
  });

  test('WeChat out of reach is retried later', async () => {
    const { token, userId } = await wechatResident('openid-network-down');
    await subscribe(token, ['reply']);
    const id = await enqueue(userId, null);
    const cut = new WeChatClient({ apiBase: 'http://127.0.0.1:9', appId: FAKE_APPID, secret: FAKE_SECRET });
    expect(await dispatchOnly(id, dispatcher({ wechat: cut }))).toMatchObject({ status: 'pending', attempts: 1, lastError: '连不上微信服务' });
    clock = new Date(clock.getTime() + 60_000);
    expect(await dispatchOnly(id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  test('an access token WeChat no longer accepts is renewed for the retry', async () => {
    const { token, userId } = await wechatResident('openid-stale-token');
    await subscribe(token, ['reply']);
    const client = new WeChatClient({ apiBase: wechat.apiBase, appId: FAKE_APPID, secret: FAKE_SECRET });
    const warmUp = await enqueue(userId, null);
    await subscribe(token, ['reply']);
    expect(await dispatchOnly(warmUp, dispatcher({ wechat: client }))).toMatchObject({ status: 'sent' });

    wechat.revokeAccessTokens();
    const id = await enqueue(userId, null);
    expect(await dispatchOnly(id, dispatcher({ wechat: client }))).toMatchObject({ status: 'pending', lastError: '微信拒收订阅消息（错误码 40001）' });
    clock = new Date(clock.getTime() + 60_000);
    expect(await dispatchOnly(id, dispatcher({ wechat: client }))).toMatchObject({ status: 'sent', attempts: 2 });
  });

  test('the background loop sends what is due, and stopping it waits for the run in progress', async () => {
    const { token, userId } = await wechatResident('openid-loop');
    await subscribe(token, ['reply']);
    const id = await enqueue(userId, null);
    const loop = startNotificationDispatcher({ ...dispatcher(), log: testApp.app.log, intervalMs: 60_000 });
    await loop.stop();
    expect(await outboxRow(id)).toMatchObject({ status: 'sent' });
  });
});
