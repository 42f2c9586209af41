import Taro from '@tarojs/taro';
import { Current } from '@tarojs/runtime';
import { render, screen, waitFor } from '@testing-library/react';
import { createGridWorker, issueBindingCode } from '../../../server/features/identity/directory';
import { useAppServer } from '../../../../test/support/app-server';
import HomePage from '../../pages/home/index';
import DailyQuizPage from '../../packages/quiz/daily/index';

const server = useAppServer();
const BANNER = '在朋友圈中只能浏览，点击下方「前往小程序」参与';

/** The page as WeChat opens it: from a Moments post (scene 1154) or from a chat card (scene 1007). */
function openedFrom(scene: number, path: string, params: Record<string, string> = {}) {
  jest.spyOn(Taro, 'getEnterOptionsSync').mockReturnValue({ scene, path, query: params } as ReturnType<typeof Taro.getEnterOptionsSync>);
  Object.assign(Current, { router: { path, params } });
}

afterEach(() => {
  jest.restoreAllMocks();
  Object.assign(Current, { router: null });
});

async function gridWorkerOnPhone() {
  const worker = await createGridWorker(server.db(), { name: '李网格', gridId: 'chaotianzui-1' }, new Date());
  const { code } = await issueBindingCode(server.db(), 'grid_worker', worker.id, new Date());
  const token = await server.signInResident();
  await server.api('POST', '/me/bind', token, { code });
}

test('the daily quiz opened from Moments says what it is and how to take part, and asks nobody to sign in or answer', async () => {
  const request = jest.spyOn(Taro, 'request');
  openedFrom(1154, '/packages/quiz/daily/index', { from: 'quiz' });
  render(<DailyQuizPage />);

  expect(screen.getByText(BANNER)).toBeTruthy();
  expect(screen.getByText('民法典每日一练')).toBeTruthy();
  expect(screen.queryByText('交卷')).toBeNull();
  expect(screen.queryByText('下一题')).toBeNull();
  expect(request).not.toHaveBeenCalled();
});

test('the daily quiz opened from a chat card has no banner and the questions to answer', async () => {
  await server.signInResident();
  openedFrom(1007, '/packages/quiz/daily/index', { from: 'quiz' });
  render(<DailyQuizPage />);
  await screen.findByText('下一题');
  expect(screen.queryByText(BANNER)).toBeNull();
});

test('the session calendar opened from Moments is readable, with the banner and without the grid worker’s poster', async () => {
  // The phone knows it holds a grid worker: the poster is left out for Moments, not for lack of one.
  Taro.setStorageSync('share.sharer', { gridId: 'chaotianzui-1', sharerCode: 'ABCDEF' });
  openedFrom(1154, '/pages/home/index');
  render(<HomePage />);
  await screen.findByText('下一次接待日');
  expect(screen.getByText(BANNER)).toBeTruthy();
  expect(screen.queryByText('生成接待日海报（带我的分享码）')).toBeNull();
});

test('the same calendar opened in the mini-program offers a grid worker the poster', async () => {
  await gridWorkerOnPhone();
  openedFrom(1007, '/pages/home/index');
  render(<HomePage />);
  await screen.findByText('下一次接待日');
  await waitFor(() => expect(screen.getByText('生成接待日海报（带我的分享码）')).toBeTruthy());
  expect(screen.queryByText(BANNER)).toBeNull();
});
