import { resolveObjectURL } from 'node:buffer';
import { URL as NodeUrl } from 'node:url';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { shanghaiDateOf } from '@core/shared/shanghai-time';
import { useAppServer } from '../../../../../test/support/app-server';
import { settle, submitFeedback } from '../../../../../test/support/office-app';
import { presetPeriod } from '../period-presets';
import { ReportExports } from './report-exports';

const server = useAppServer({ keepStorage: true });
const today = shanghaiDateOf(new Date());
const year = today.slice(0, 4);
const lastMonth = presetPeriod('lastMonth', today);
let desk: string;

beforeAll(async () => {
  desk = await server.signInStaff('export.desk', '吴科员');
  Taro.setStorageSync('auth.staff', desk);
  await submitFeedback(server.apiBase, await server.guestToken(), { mobile: '13812345678' });
});

// What the browser saves: each file's name and bytes (jsdom saves nothing, and has no object URLs of its own).
let saved: { href: string; name: string; bytes: Buffer }[];
const jsdomUrl = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
beforeEach(() => {
  saved = [];
  Object.assign(URL, { createObjectURL: NodeUrl.createObjectURL, revokeObjectURL: NodeUrl.revokeObjectURL });
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(async function (this: HTMLAnchorElement) {
    const blob = resolveObjectURL(this.href)!;
    const { href, download } = this;
    saved.push({ href, name: download, bytes: Buffer.from(await blob.arrayBuffer()) });
  });
});
afterEach(() => {
  Object.assign(URL, { createObjectURL: jsdomUrl.create, revokeObjectURL: jsdomUrl.revoke });
  jest.restoreAllMocks();
});

function choose(group: string, choice: string) {
  fireEvent.click(within(screen.getByLabelText(group)).getByText(choice));
}

async function exportNow(): Promise<{ url: string; href: string; name: string; bytes: Buffer }> {
  const fetched = jest.spyOn(globalThis, 'fetch');
  fireEvent.click(screen.getByText('导出'));
  // The server writes the file as it reads the rows: allow it the time a loaded machine takes.
  await waitFor(() => expect(saved).toHaveLength(1), { timeout: 10_000 });
  const [url, init] = fetched.mock.calls[0] as [string, RequestInit];
  // The file needs the staff sign-in, which a plain link could not carry.
  expect(init.headers).toEqual({ Authorization: `Bearer ${desk}` });
  fetched.mockRestore();
  return { url, ...saved[0] };
}

async function openExports() {
  render(<ReportExports />);
  await waitFor(() => expect(within(screen.getByLabelText('社区（村）')).getByText('朝天咀社区')).toBeTruthy());
  await settle();
}

test('by default this year’s feedback as Excel; the page says what anonymity and masking mean for the file', async () => {
  await openExports();
  expect(screen.getByText('匿名反馈不含提交人信息，手机号只导出打码后的（如 138****5678）。')).toBeTruthy();
  const file = await exportNow();
  expect(file.url).toBe(`${server.apiBase}/staff/exports/feedback?from=${year}-01-01&to=${today}&format=xlsx`);
  expect(file.name).toBe(`反馈-${year}-01-01至${today}.xlsx`);
  // An xlsx workbook is a zip archive.
  expect(file.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  // The browser may read the blob after the click has returned: it is not taken away at once.
  expect(resolveObjectURL(file.href)).toBeDefined();
});

test('the chosen dataset, period, community and format make the address and the file name; CSV opens in Excel', async () => {
  await openExports();
  choose('数据', '活动报名');
  choose('格式', 'CSV');
  choose('统计期间', '上月');
  choose('社区（村）', '朝天咀社区');
  await settle();
  const file = await exportNow();
  expect(file.url).toBe(`${server.apiBase}/staff/exports/sign-ups?from=${lastMonth.from}&to=${lastMonth.to}&community=chaotianzui&format=csv`);
  expect(file.name).toBe(`活动报名-${lastMonth.from}至${lastMonth.to}-朝天咀社区.csv`);
  // UTF-8 with a byte-order mark, so that Excel reads the Chinese headers right.
  expect([...file.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
});

test('the feedback CSV carries the mobile number masked, never as typed', async () => {
  await openExports();
  choose('格式', 'CSV');
  await settle();
  const file = await exportNow();
  expect(file.url).toBe(`${server.apiBase}/staff/exports/feedback?from=${year}-01-01&to=${today}&format=csv`);
  const text = file.bytes.toString('utf8');
  expect(text).toContain('138****5678');
  expect(text).not.toContain('13812345678');
});
