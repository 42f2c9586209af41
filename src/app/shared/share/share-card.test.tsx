import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { HOOKS_APP_ID, safeExecute } from '@tarojs/runtime';
import { act, render, screen, waitFor } from '@testing-library/react';
import { createGridWorker, issueBindingCode } from '../../../server/features/identity/directory';
import { useAppServer } from '../../../../test/support/app-server';
import { firstStation } from '../../../../test/support/town-fixture';
import EventsPage from '../../pages/events/index';
import { ShareButton } from './share-button';
import { useShareCard } from './use-share-card';
import { useShareOpen } from './use-share-open';

const server = useAppServer();

/** A grid worker of `gridId` bound on a phone of their own; their token and sharer code. */
async function gridWorker(gridId: string) {
  const worker = await createGridWorker(server.db(), { name: '李网格', gridId }, new Date());
  const { code } = await issueBindingCode(server.db(), 'grid_worker', worker.id, new Date());
  const token = await server.guestToken();
  const me = await server.api('POST', '/me/bind', token, { code });
  return { id: worker.id, token, sharerCode: me.gridWorker.sharerCode as string };
}

/** Every call the app makes, passed through to the real server, so that a test can wait for or count them. */
function watchRequests() {
  const calls: { url: string; method?: string; done: Promise<unknown> }[] = [];
  const request = Taro.request;
  jest.spyOn(Taro, 'request').mockImplementation(((options: Taro.request.Option) => {
    const done = request(options);
    calls.push({ url: options.url, method: options.method, done: done.catch(() => undefined) });
    return done;
  }) as typeof Taro.request);
  return calls;
}

afterEach(() => jest.restoreAllMocks());

function DailyCard() {
  const { path } = useShareCard({ title: '每天 5 道题', page: '/packages/quiz/daily/index', query: { from: 'quiz' } });
  return (
    <View>
      <ShareButton path={path} />
    </View>
  );
}

/** What WeChat would get when the person taps 转发 or 分享到朋友圈 on the page. */
const sharedCard = () => safeExecute(HOOKS_APP_ID, 'onShareAppMessage', { from: 'menu' }) as { title: string; path: string };
const sharedMoments = () => safeExecute(HOOKS_APP_ID, 'onShareTimeline') as { title: string; query: string };

test('a grid worker’s card carries their grid and sharer code, in the chat card, the Moments post and the copied link', async () => {
  const worker = await gridWorker('chaotianzui-2');
  expect(worker.sharerCode).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
  Taro.setStorageSync('auth.resident', worker.token);
  render(<DailyCard />);

  const expected = `/packages/quiz/daily/index?from=quiz&g=chaotianzui-2&s=${worker.sharerCode}`;
  const button = await screen.findByText('复制链接，分享给居民');
  await waitFor(() => expect(sharedCard().path).toBe(expected));
  expect(sharedCard()).toEqual({ title: '每天 5 道题', path: expected, imageUrl: undefined });
  expect(sharedMoments().query).toBe(`from=quiz&g=chaotianzui-2&s=${worker.sharerCode}`);
  expect(button.closest('[data-share-path]')?.getAttribute('data-share-path')).toBe(expected);
  // Kept on the phone: the next page's card has them before the network answers.
  expect(Taro.getStorageSync('share.sharer')).toEqual({ gridId: 'chaotianzui-2', sharerCode: worker.sharerCode });
});

test('a resident who is not a grid worker shares a plain card, and a phone nobody signed in on asks nothing', async () => {
  const calls = watchRequests();
  const signedOut = render(<DailyCard />);
  expect(sharedCard().path).toBe('/packages/quiz/daily/index?from=quiz');
  expect(calls).toEqual([]);
  signedOut.unmount();

  await server.signInResident();
  // A grid worker on this phone before, since revoked or replaced: what the server says now wins.
  Taro.setStorageSync('share.sharer', { gridId: 'chaotianzui-1', sharerCode: 'ABCDEF' });
  const first = render(<DailyCard />);
  expect(sharedCard().path).toBe('/packages/quiz/daily/index?from=quiz&g=chaotianzui-1&s=ABCDEF');
  first.unmount();
  // The next page asks while the first answer is on its way: one question for both.
  render(<DailyCard />);
  await waitFor(() => expect(sharedCard().path).toBe('/packages/quiz/daily/index?from=quiz'));
  expect(calls.map((call) => call.url.replace(server.apiBase, ''))).toEqual(['/me']);
  expect(Taro.getStorageSync('share.sharer')).toBe('');
});

test('the 活动 tab’s card carries no sharer, even a grid worker’s: nothing records an open of the list', async () => {
  const worker = await gridWorker('chaotianzui-2');
  Taro.setStorageSync('auth.resident', worker.token);
  // Kept from an earlier page: any other card would carry it at once.
  Taro.setStorageSync('share.sharer', { gridId: 'chaotianzui-2', sharerCode: worker.sharerCode });
  render(<EventsPage />);
  expect(sharedCard().path).toBe('/pages/events/index');
  expect(sharedMoments().query).toBe('');
  await screen.findByText('暂时没有活动');
  expect(sharedCard().path).toBe('/pages/events/index');
});

function OpenedPage({ kind, itemId, query }: { kind: 'quiz' | 'session'; itemId: string; query: Record<string, string> }) {
  useShareOpen(kind, itemId, query);
  return <View>页面内容</View>;
}

const opensOf = (kind: string, itemId: string) =>
  server.db().selectFrom('shareOpen').selectAll().where('kind', '=', kind as 'quiz').where('itemId', '=', itemId).execute();

test('opening a grid worker’s card is told to the server once per item in an app session, crediting the worker', async () => {
  const worker = await gridWorker('chaotianzui-1');
  await server.signInResident();
  const calls = watchRequests();
  const query = { from: 'quiz', date: '2026-12-04', g: 'chaotianzui-1', s: worker.sharerCode };

  const first = render(<OpenedPage kind="quiz" itemId="daily/2026-12-04" query={query} />);
  await act(() => Promise.all(calls.map((call) => call.done)));
  first.unmount();
  // Back to the same page later in the same app session: nothing more is sent.
  render(<OpenedPage kind="quiz" itemId="daily/2026-12-04" query={query} />);
  await act(() => Promise.all(calls.map((call) => call.done)));

  expect(calls.filter((call) => call.url.endsWith('/shares/opens'))).toHaveLength(1);
  const opens = await opensOf('quiz', 'daily/2026-12-04');
  expect(opens).toHaveLength(1);
  expect(opens[0]).toMatchObject({ sharerId: worker.id, gridId: 'chaotianzui-1' });
});

test('a page opened without a sharer sends nothing; a forged sharer is counted for no one and never shown as an error', async () => {
  await server.signInResident();
  const calls = watchRequests();
  const itemId = `${firstStation.id}/2026-12-15`;

  const plain = render(<OpenedPage kind="session" itemId={itemId} query={{ station: firstStation.id, date: '2026-12-15' }} />);
  await act(() => Promise.all(calls.map((call) => call.done)));
  expect(calls).toEqual([]);
  plain.unmount();

  render(<OpenedPage kind="session" itemId={itemId} query={{ station: firstStation.id, g: 'chaotianzui-1', s: 'FORGED'.repeat(10) }} />);
  await act(() => Promise.all(calls.map((call) => call.done)));
  expect(calls.filter((call) => call.url.endsWith('/shares/opens'))).toHaveLength(1);
  expect(await opensOf('session', itemId)).toEqual([expect.objectContaining({ sharerId: null, gridId: null })]);
  expect(screen.getByText('页面内容')).toBeTruthy();
  expect(screen.queryByRole('alert')).toBeNull();
});
