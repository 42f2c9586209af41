import { createStaffAccount } from '../../src/server/features/identity/staff-accounts';
import { FAKE_APPID, FAKE_SECRET, startFakeWeChat, type FakeWeChat } from '../support/fake-wechat';
import { useListeningTestApp } from '../support/test-app';
import { renderCompiledPage, requestThrough, storageIn, tapText, waitFor, waitForText } from './mini-program-harness';

let wechat: FakeWeChat;
beforeAll(async () => {
  wechat = await startFakeWeChat();
});
afterAll(() => wechat.close());
const server = useListeningTestApp(() => ({
  wechat: { apiBase: wechat.apiBase, appId: FAKE_APPID, secret: FAKE_SECRET, templates: {} },
}));

async function callApi(apiBase: string, method: string, path: string, token: string | null, body?: unknown) {
  const response = await fetch(`${apiBase}${path}`, {
    method,
    headers: { ...(token && { authorization: `Bearer ${token}` }), ...(body !== undefined && { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

/** A published event a week ahead, made by the office through the API. */
async function publishedEvent(apiBase: string): Promise<string> {
  const { testApp } = server();
  const { oneTimePassword } = await createStaffAccount(testApp.database.handle.db, { username: 'events.desk', displayName: '李科员', role: 'staff' }, new Date());
  const { token } = await callApi(apiBase, 'POST', '/auth/staff', null, { username: 'events.desk', password: oneTimePassword });
  await callApi(apiBase, 'POST', '/me/password', token, { currentPassword: oneTimePassword, newPassword: 'Desk-password-2026' });
  const day = new Date(Date.now() + 7 * 24 * 3600_000).toISOString().slice(0, 10);
  const { id } = await callApi(apiBase, 'POST', '/staff/events', token, {
    title: '民法典进万家院坝会',
    type: 'yuanba',
    theme: '民法典与农村生活',
    law: '民法典',
    startsAt: `${day}T14:00:00+08:00`,
    endsAt: `${day}T16:00:00+08:00`,
    place: { name: '朝天咀社区院坝', address: '朝天咀路 8 号', latitude: 29.56, longitude: 106.58 },
    communityId: 'chaotianzui',
    organiser: '镇法治建设科',
    capacity: 10,
    description: '村民关心的继承、婚姻家庭和土地承包问题，律师现场解答。',
  });
  await callApi(apiBase, 'POST', `/staff/events/${id}/publish`, token);
  return id;
}

// The compiled app's modules are cached per test file, so one page instance serves the whole file.
test('the compiled event page shows the event and signs the WeChat resident up against a real server', async () => {
  const { testApp, origin } = server();
  const { db } = testApp.database.handle;
  const id = await publishedEvent(`${origin}/api`);
  const storage = new Map<string, unknown>();
  const page = renderCompiledPage(
    'packages/events/detail/index',
    {
      request: requestThrough(origin),
      login: (options: { success?: (result: object) => void }) => options.success?.({ code: 'ok-openid-event-resident', errMsg: 'login:ok' }),
      ...storageIn(storage),
    },
    { id },
  );

  await waitForText(page, '民法典进万家院坝会');
  expect(page.dom?.textContent).toContain('还剩 10 个名额（共 10 个）');
  expect(page.dom?.textContent).toContain('查看位置');
  expect(page.dom?.textContent).toContain('加入手机日历');

  tapText(page, '.nut-button', '报名');
  await waitForText(page, '已报名');
  await waitForText(page, '还剩 9 个名额（共 10 个），已报名 1 人');
  await waitFor(
    () => page.querySelectorAll('.nut-button').some((b) => b.dom?.textContent?.trim() === '取消报名'),
    () => 'the 取消报名 button',
  );

  const signUps = await db
    .selectFrom('eventSignUp')
    .innerJoin('appUser', 'appUser.id', 'eventSignUp.userId')
    .select(['eventSignUp.people', 'appUser.wechatOpenid'])
    .where('eventSignUp.eventId', '=', id)
    .execute();
  expect(signUps).toEqual([{ people: 1, wechatOpenid: 'openid-event-resident' }]);
});
