import Taro from '@tarojs/taro';
import { render, screen, within } from '@testing-library/react';
import { createGridWorker, issueBindingCode } from '../../../../server/features/identity/directory';
import { useAppServer } from '../../../../../test/support/app-server';
import { firstStation } from '../../../../../test/support/town-fixture';
import { MyShares } from './my-shares';

// 10:00 on 4 December in Shanghai: the daily quiz shared is that day's.
const now = new Date('2026-12-04T10:00:00+08:00');
const server = useAppServer({ now: () => now });

async function boundGridWorker(gridId: string) {
  const worker = await createGridWorker(server.db(), { name: '李网格', gridId }, now);
  const { code } = await issueBindingCode(server.db(), 'grid_worker', worker.id, now);
  const token = await server.guestToken();
  const me = await server.api('POST', '/me/bind', token, { code });
  return { token, sharerCode: me.gridWorker.sharerCode as string };
}

/** Someone in the group opens the worker's card, as the app reports it. */
async function visitorOpens(card: { kind: string; itemId: string; sharer: string; grid: string }) {
  const visitor = await server.guestToken();
  await server.api('POST', '/shares/opens', visitor, card);
  return visitor;
}

test('a grid worker sees what their cards brought, item by item: opens and those who then took the quiz', async () => {
  const worker = await boundGridWorker('chaotianzui-1');
  const card = { sharer: worker.sharerCode, grid: 'chaotianzui-1' };
  const taker = await visitorOpens({ kind: 'quiz', itemId: 'daily/2026-12-04', ...card });
  await visitorOpens({ kind: 'quiz', itemId: 'daily/2026-12-04', ...card });
  const daily = await server.api('GET', '/quiz/daily', taker);
  await server.api('POST', '/quiz/daily', taker, {
    answers: daily.questions.map((question: { id: string }) => ({ questionId: question.id, chosen: [0] })),
  });
  await visitorOpens({ kind: 'summary', itemId: `${firstStation.id}/2026-11-15`, ...card });
  // Another worker's card counts for them, not here.
  const other = await boundGridWorker('chaotianzui-2');
  await visitorOpens({ kind: 'quiz', itemId: 'daily/2026-12-04', sharer: other.sharerCode, grid: 'chaotianzui-2' });

  Taro.setStorageSync('auth.resident', worker.token);
  render(<MyShares />);

  const quiz = within(await screen.findByLabelText('每日一练 12月4日'));
  expect(screen.getByText('朝天咀社区第一网格')).toBeTruthy();
  expect(screen.getByText(`我的分享码 ${worker.sharerCode}`)).toBeTruthy();
  // opens, sign-ups, quiz takers
  expect(quiz.getAllByText(/^\d+$/).map((cell) => cell.textContent)).toEqual(['2', '0', '1']);
  const summary = within(screen.getByLabelText(`${firstStation.name} 11月15日接待日小结`));
  expect(summary.getByText('接待日小结')).toBeTruthy();
  expect(summary.getAllByText(/^\d+$/).map((cell) => cell.textContent)).toEqual(['1', '0', '0']);
  expect(screen.getAllByRole('listitem')).toHaveLength(2);
});

test('a grid worker whose cards nobody opened yet is told how to share', async () => {
  const worker = await boundGridWorker('chaotianzui-2');
  Taro.setStorageSync('auth.resident', worker.token);
  render(<MyShares />);
  await screen.findByText('还没有人通过您的分享打开');
});

test('someone who is not a grid worker gets the server’s refusal in words', async () => {
  await server.signInResident();
  render(<MyShares />);
  expect((await screen.findByRole('alert')).textContent).toContain('您没有权限进行这项操作');
});
