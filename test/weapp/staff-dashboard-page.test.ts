import { randomUUID } from 'node:crypto';
import { shanghaiDateOf } from '../../src/core/shared/shanghai-time';
import { createStaffAccount } from '../../src/server/features/identity/staff-accounts';
import { useListeningTestApp } from '../support/test-app';
import { firstStation } from '../support/town-fixture';
import { renderCompiledPage, requestThrough, storageIn, waitForText } from './mini-program-harness';

const server = useListeningTestApp();

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

function submitFeedback(apiBase: string, token: string, fields: object = {}) {
  return callApi(apiBase, 'POST', '/feedback', token, {
    clientId: randomUUID(),
    stationId: firstStation.id,
    kind: 'complaint',
    categoryId: 'city-management',
    content: '菜市场门口天天有人占道经营，车过不去。',
    ...fields,
  });
}

// The compiled app's modules are cached per test file, so one page instance serves the whole file.
test('the compiled dashboard draws its bars and line with views, numbers beside them, from a real server', async () => {
  const { testApp, origin } = server();
  const apiBase = `${origin}/api`;
  const account = { username: 'dash.desk', displayName: '郑科员', role: 'staff' as const };
  const { oneTimePassword } = await createStaffAccount(testApp.database.handle.db, account, new Date());
  const { token } = await callApi(apiBase, 'POST', '/auth/staff', null, { username: account.username, password: oneTimePassword });
  await callApi(apiBase, 'POST', '/me/password', token, { currentPassword: oneTimePassword, newPassword: 'Desk-password-2026' });
  const resident = (await callApi(apiBase, 'POST', '/auth/guest', null, {})).token;
  await submitFeedback(apiBase, resident);
  await submitFeedback(apiBase, resident);
  await submitFeedback(apiBase, resident, { kind: 'suggestion', categoryId: 'market', content: '建议菜市场增设公平秤，方便老人复秤。' });

  const storage = new Map<string, unknown>([['auth.staff', token]]);
  const page = renderCompiledPage('staff/dashboard/index', { request: requestThrough(origin), ...storageIn(storage) });
  await waitForText(page, '收到反馈');

  const dom = page.dom!;
  // miniprogram-simulate scopes the page's classes.
  const all = (element: ParentNode, name: string) => [...element.querySelectorAll(`.main--${name}`)];
  const byType = all(dom, 'bar-chart__row').slice(0, 4);
  expect(byType.map((row) => row.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['监督意见0 条', '投诉2 条', '建议1 条', '咨询0 条']);
  // Each bar is a view as wide as its share of the longest.
  const widths = byType.map((row) => row.querySelector('.main--bar-chart__bar')?.getAttribute('style') ?? '');
  expect(widths.map((style) => /width:\s*([\d.]+)%/.exec(style)?.[1])).toEqual(['0', '100', '50', '0']);
  // The line: a dot per month of this year so far, and a rotated view between each two.
  const month = Number(shanghaiDateOf(new Date()).slice(5, 7));
  expect(all(dom, 'line-chart__point')).toHaveLength(month);
  expect(all(dom, 'line-chart__segment')).toHaveLength(month - 1);
  for (const segment of all(dom, 'line-chart__segment')) expect(segment.getAttribute('style')).toMatch(/transform:\s*rotate\(-?[\d.]+deg\)/);
});
