import { useListeningTestApp } from '../support/test-app';
import { renderCompiledPage, requestThrough, waitForText } from './mini-program-harness';

const server = useListeningTestApp();

test('where the server has no WeChat credentials, the mini-program falls back to a guest identity', async () => {
  const urls: string[] = [];
  const request = requestThrough(server().origin);
  const storage = new Map<string, unknown>();
  const page = renderCompiledPage('pages/me/index', {
    request: (options: Parameters<typeof request>[0]) => {
      urls.push(options.url);
      return request(options);
    },
    login: (options: { success?: (result: object) => void }) => options.success?.({ code: 'any-code', errMsg: 'login:ok' }),
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => storage.set(key, value),
    removeStorageSync: (key: string) => storage.delete(key),
  });

  await waitForText(page, '访客');
  expect(page.dom?.textContent).toContain('居民');
  expect(urls.slice(0, 3)).toEqual([
    'http://127.0.0.1:3000/api/auth/wechat',
    'http://127.0.0.1:3000/api/auth/guest',
    'http://127.0.0.1:3000/api/me',
  ]);
});
