import { resolveObjectURL } from 'node:buffer';
import { URL as NodeUrl } from 'node:url';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ExcelJS from 'exceljs';
import { shanghaiDateOf } from '@core/shared/shanghai-time';
import { useAppServer } from '../../../../../test/support/app-server';
import { settle, staffAction, submitFeedback } from '../../../../../test/support/office-app';
import { AnnualSummary } from './annual-summary';

// Real clocks on both sides: the items come in this year.
const server = useAppServer({ keepStorage: true });
const year = Number(shanghaiDateOf(new Date()).slice(0, 4));

beforeAll(async () => {
  const desk = await server.signInStaff('annual.desk', '周科员');
  Taro.setStorageSync('auth.staff', desk);
  const resident = await server.guestToken();
  const first = await submitFeedback(server.apiBase, resident);
  await submitFeedback(server.apiBase, resident, { kind: 'suggestion', categoryId: 'market', content: '建议菜市场增设公平秤，方便老人复秤。' });
  await staffAction(server.apiBase, desk, first.id, { action: 'reply', text: '已转城管中队处理，本周内清理占道摊位。' });
  await staffAction(server.apiBase, desk, first.id, { action: 'flag', flagged: true });
});

afterEach(() => jest.restoreAllMocks());

// Each summary reads the whole year's records: on a machine busy with other test files that takes a while.
const answered = { timeout: 5_000 };

const figure = (label: string) => within(screen.getByLabelText('各项数字')).getByLabelText(label).lastElementChild?.textContent;

test('the year reads as the report writes it, every figure listed; another year is asked for when chosen', async () => {
  render(<AnnualSummary />);
  const paragraph = await screen.findByLabelText('报告写法', {}, answered);
  expect(paragraph.textContent).toContain(`${year}年，白沙镇法治建设科开展驿站接待日 0 次，现场搜集监督意见 2 条、回应 1 条，研判事项 1 项；`);
  expect(figure('现场搜集监督意见')).toBe('2 条');
  expect(figure('回应')).toBe('1 条');
  expect(figure('研判事项')).toBe('1 项');
  expect(figure('参与答题')).toBe('0 人次');
  expect(within(screen.getByLabelText('各项数字')).getAllByRole('listitem')).toHaveLength(8);

  fireEvent.click(within(screen.getByLabelText('年份')).getByText(`${year - 1}年`));
  await waitFor(() => expect(screen.getByLabelText('报告写法').textContent).toContain(`${year - 1}年，`), answered);
  expect(figure('现场搜集监督意见')).toBe('0 条');
});

test('导出 Excel saves the workbook the server makes, with the staff sign-in, under the year’s name', async () => {
  // jsdom has no object URLs: Node's implementation of the same web API keeps the saved bytes readable.
  const jsdomUrl = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
  Object.assign(URL, { createObjectURL: NodeUrl.createObjectURL, revokeObjectURL: NodeUrl.revokeObjectURL });
  try {
    const saved: { name: string; bytes: Buffer }[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(async function (this: HTMLAnchorElement) {
      const blob = resolveObjectURL(this.href)!;
      const { download } = this;
      saved.push({ name: download, bytes: Buffer.from(await blob.arrayBuffer()) });
    });
    const fetched = jest.spyOn(globalThis, 'fetch');
    render(<AnnualSummary />);
    await screen.findByLabelText('报告写法', {}, answered);
    await settle();
    fireEvent.click(screen.getByText('导出 Excel'));
    // The server writes the workbook as it reads the rows: allow it the time a loaded machine takes.
    await waitFor(() => expect(saved).toHaveLength(1), { timeout: 10_000 });

    expect(fetched).toHaveBeenCalledWith(`${server.apiBase}/staff/reports/annual.xlsx?year=${year}`, {
      headers: { Authorization: `Bearer ${Taro.getStorageSync('auth.staff')}` },
    });
    expect(saved[0].name).toBe(`${year}年法治建设数据-白沙镇.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(saved[0].bytes as unknown as ArrayBuffer);
    const summary = workbook.worksheets[0];
    expect(summary.name).toBe('汇总');
    const rows = summary.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.find((cells) => cells[1] === '现场搜集监督意见')?.slice(2, 4)).toEqual([2, '条']);
    expect(screen.queryByRole('alert')).toBeNull();
  } finally {
    Object.assign(URL, { createObjectURL: jsdomUrl.create, revokeObjectURL: jsdomUrl.revoke });
  }
});
