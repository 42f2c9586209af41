import { createSupervisor, issueBindingCode } from '../../src/server/features/identity/directory';
import { renderCompiledPage, requestThrough, useServerWithFakeWeChat, waitFor, waitForText } from './mini-program-harness';

const server = useServerWithFakeWeChat();

test('on the compiled 我的 page, in large text from WeChat’s font setting, a WeChat resident binds a supervisor code and sees the certificate', async () => {
  const { testApp, origin, wechat } = server();
  const { db } = testApp.database.handle;
  const supervisor = await createSupervisor(
    db,
    { name: '李监督', certificateNo: 'WX-2026-007', termStart: '2020-01-01', termEnd: '2099-12-31' },
    new Date(),
  );
  const { code } = await issueBindingCode(db, 'supervisor', supervisor.id, new Date());

  const storage = new Map<string, unknown>();
  const page = renderCompiledPage('pages/me/index', {
    request: requestThrough(origin),
    login: (options: { success?: (result: object) => void }) =>
      options.success?.({ code: 'ok-openid-weapp-resident', errMsg: 'login:ok' }),
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => storage.set(key, value),
    removeStorageSync: (key: string) => storage.delete(key),
    showToast: () => undefined,
    // An elderly person's WeChat set to a larger font: 关怀模式 follows it until they choose.
    getAppBaseInfo: () => ({ fontSizeScaleFactor: 1.25, SDKVersion: '3.6.0' }),
  });

  await waitForText(page, '微信用户');
  expect(page.querySelector('.page-shell--large')).toBeTruthy();
  expect(page.dom?.textContent).toContain('居民');
  expect(wechat.requests.at(-1)?.get('js_code')).toBe('ok-openid-weapp-resident');

  const input = page.querySelector('.nut-input-native');
  if (!input) throw new Error('no code input on the page');
  input.dispatchEvent('input', { detail: { value: code } });
  await new Promise((resolve) => setTimeout(resolve, 50));
  const bindButton = page.querySelectorAll('.nut-button').find((b) => b.dom?.textContent === '绑定身份');
  if (!bindButton) throw new Error('no 绑定身份 button');
  bindButton.dispatchEvent('tap');

  await waitForText(page, '行政执法监督员聘书');
  const text = page.dom?.textContent ?? '';
  expect(text).toContain('WX-2026-007');
  expect(text).toContain('2020-01-01 至 2099-12-31');
  expect(text).toContain('在聘');
  await waitFor(() => Boolean(storage.get('auth.resident')), () => 'the sign-in to be kept on the phone');
});
