import Taro from '@tarojs/taro';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createGridWorker, issueBindingCode } from '../../../../server/features/identity/directory';
import { useAppServer } from '../../../../../test/support/app-server';
import { ShareBoard } from './share-board';

// 10:00 on 20 November in Shanghai: every open below is of that day.
const now = new Date('2026-11-20T02:00:00Z');
const server = useAppServer({ now: () => now, keepStorage: true });

beforeAll(async () => {
  const db = server.db();
  await db.updateTable('grid').set({ population: 200 }).where('id', '=', 'chaotianzui-1').execute();
  await db.updateTable('community').set({ population: 1000 }).where('id', '=', 'chaotianzui').execute();
  const sharerOf = async (gridId: string) => {
    const worker = await createGridWorker(db, { name: '李网格', gridId }, now);
    const { code } = await issueBindingCode(db, 'grid_worker', worker.id, now);
    const me = await server.api('POST', '/me/bind', await server.guestToken(), { code });
    return { sharer: me.gridWorker.sharerCode as string, grid: gridId };
  };
  const opens = async (card: { sharer: string; grid: string }, visitors: number) => {
    for (let i = 0; i < visitors; i += 1) await server.api('POST', '/shares/opens', await server.guestToken(), { kind: 'quiz', itemId: 'daily/2026-11-20', ...card });
  };
  await opens(await sharerOf('chaotianzui-1'), 2);
  await opens(await sharerOf('chaotianzui-2'), 1);
  await opens({ sharer: 'ZZZZZZ', grid: 'chaotianzui-1' }, 1);
  Taro.setStorageSync('auth.staff', await server.signInStaff('share.desk', '王科员', now));
});

/** Types into a Taro H5 field as a person would, once it has become a real input. */
async function typeInto(name: string, value: string) {
  let input: HTMLInputElement | null = null;
  await waitFor(() => {
    input = document.querySelector(`taro-input-core[name="${name}"] input`);
    expect(input).not.toBeNull();
  });
  await act(async () => {
    fireEvent.input(input!, { target: { value } });
  });
}

const figures = (table: string, row: string) =>
  within(within(screen.getByLabelText(table)).getByLabelText(row))
    .getAllByText(/^(\d+|\d+(\.\d)?%|未配置人口)$/)
    .map((cell) => cell.textContent);

test('the office sees opens, sign-ups, quiz takers and reach per grid and community, and the unattributed opens', async () => {
  render(<ShareBoard />);
  await screen.findByLabelText('各网格');
  // opens, sign-ups, quiz takers, reach: 2 people of 200; 3 of 1,000 in the community; no population for grid 2.
  expect(figures('各网格', '朝天咀社区第一网格')).toEqual(['2', '0', '0', '1%']);
  expect(figures('各网格', '朝天咀社区第二网格')).toEqual(['1', '0', '0', '未配置人口']);
  expect(figures('各社区（村）', '朝天咀社区')).toEqual(['3', '0', '0', '0.3%']);
  expect(screen.getByRole('status').textContent).toContain('未带有效分享人的打开 1 次');
});

test('a date range counts only the opens within it; a malformed date is explained and asks nothing', async () => {
  render(<ShareBoard />);
  await screen.findByLabelText('各网格');

  await typeInto('from', '2026-11-21');
  fireEvent.click(screen.getByText('查询'));
  await waitFor(() => expect(screen.getByRole('status').textContent).toContain('2026-11-21 至 今天'));
  await waitFor(() => expect(figures('各网格', '朝天咀社区第一网格')).toEqual(['0', '0', '0', '0%']));

  const request = jest.spyOn(Taro, 'request');
  await typeInto('to', '2026-11-3');
  fireEvent.click(screen.getByText('查询'));
  expect((await screen.findByRole('alert')).textContent).toBe('结束日期格式应为 2026-01-31');
  await typeInto('to', '2026-11-01');
  fireEvent.click(screen.getByText('查询'));
  expect((await screen.findByRole('alert')).textContent).toBe('开始日期不能晚于结束日期');
  expect(request).not.toHaveBeenCalled();
  request.mockRestore();

  fireEvent.click(screen.getByText('全部日期'));
  await waitFor(() => expect(figures('各网格', '朝天咀社区第一网格')).toEqual(['2', '0', '0', '1%']));
  expect(screen.queryByRole('alert')).toBeNull();
});
