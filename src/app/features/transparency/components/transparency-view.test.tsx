import { randomUUID } from 'node:crypto';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { createSupervisor, issueBindingCode } from '../../../../server/features/identity/directory';
import { useAppServer } from '../../../../../test/support/app-server';
import { closeSessionAs, staffAction, submitFeedback } from '../../../../../test/support/office-app';
import { firstStation } from '../../../../../test/support/town-fixture';
import { TransparencyView } from './transparency-view';

let clock = new Date('2026-06-01T10:00:00+08:00');
const server = useAppServer({ now: () => clock });

/**
 * The office changes its contact. The server may keep the public answer for a minute, so its clock is
 * moved past that: the next reader sees the change.
 */
async function setContact(hotline: string | null, email: string | null) {
  await server.db().updateTable('town').set({ hotline, email }).where('id', '=', 1).execute();
  clock = new Date(clock.getTime() + 61_000);
}

beforeAll(async () => {
  const resident = await server.guestToken();
  const answered = await submitFeedback(server.apiBase, resident);
  await submitFeedback(server.apiBase, resident, { anonymous: true, categoryId: 'environment', content: '砖厂晚上偷偷排黑烟，味道很大。' });
  await submitFeedback(server.apiBase, resident, { categoryId: 'illegal-building', content: '河堤上有人搭建违章棚子，越搭越大。' });

  clock = new Date('2026-06-15T12:00:00+08:00');
  const office = await server.signInStaff('wang.gongkai', '王科员', clock);
  await staffAction(server.apiBase, office, answered.id, { action: 'reply', text: '已安排城管中队清理。' });
  await closeSessionAs(server.apiBase, office, firstStation.id, '2026-06-15', '占道经营问题已交城管中队处理。');

  // A supervisor logs one enforcement action they attended: it is counted in the year's figures.
  const supervisor = await createSupervisor(
    server.db(),
    { name: '陈监督', certificateNo: 'UI-TP-001', termStart: '2020-01-01', termEnd: '2099-12-31' },
    clock,
  );
  const { code } = await issueBindingCode(server.db(), 'supervisor', supervisor.id, clock);
  const supervisorToken = await server.guestToken();
  await server.api('POST', '/me/bind', supervisorToken, { code });
  await server.api('POST', '/supervision/activities', supervisorToken, {
    clientId: randomUUID(),
    date: '2026-06-10',
    unit: '镇综合行政执法大队',
    observation: '执法人员到场后出示了执法证件，告知了当事人权利。',
  });
});

afterEach(async () => {
  await setContact(null, null);
  jest.restoreAllMocks();
});

/** The figure's row as read aloud: its words, its number and its measure word. */
const figure = (label: string) => screen.getByLabelText(label).textContent;

test('anyone reads this year’s figures as the report words them and the published summaries, without signing in', async () => {
  render(<TransparencyView initialYear={null} />);
  expect(await screen.findByText('2026年主要数据')).toBeTruthy();
  expect(figure('开展驿站接待日')).toBe('开展驿站接待日1次');
  expect(figure('现场搜集监督意见')).toBe('现场搜集监督意见3条');
  expect(figure('回应')).toBe('回应1条');
  expect(figure('研判事项')).toBe('研判事项0项');
  expect(figure('组织行政执法监督员现场参加执法活动')).toBe('组织行政执法监督员现场参加执法活动1次');
  expect(figure('参与答题')).toBe('参与答题0人次');

  const summaries = within(screen.getByLabelText('本年接待日小结'));
  expect(summaries.getByText(`${firstStation.name} · 6月15日 星期一`)).toBeTruthy();
  expect(summaries.getByText('收到 3 条、已答复 1 条、转入下次 2 条')).toBeTruthy();
  expect(summaries.getByText('占道经营问题已交城管中队处理。')).toBeTruthy();

  expect(within(screen.getByLabelText('联系方式')).getByText('联系方式待公布')).toBeTruthy();
  // Nothing about the reader was sent or kept.
  expect(Taro.getStorageSync('auth.resident')).toBeFalsy();
});

test('the configured hotline is called with a tap and the e-mail address copied with another', async () => {
  await setContact('023-47212345', 'fazhi@example.gov.cn');
  const call = jest.spyOn(Taro, 'makePhoneCall').mockResolvedValue({ errMsg: 'makePhoneCall:ok' });
  const copy = jest.spyOn(Taro, 'setClipboardData').mockResolvedValue({ errMsg: 'setClipboardData:ok', data: 'fazhi@example.gov.cn' });
  render(<TransparencyView initialYear={null} />);
  const contact = within(await screen.findByLabelText('联系方式'));
  expect(contact.queryByText('联系方式待公布')).toBeNull();

  fireEvent.click(contact.getByLabelText('拨打热线电话 023-47212345'));
  expect(call).toHaveBeenCalledWith({ phoneNumber: '023-47212345' });
  fireEvent.click(contact.getByLabelText('复制电子信箱 fazhi@example.gov.cn'));
  expect(copy).toHaveBeenCalledWith({ data: 'fazhi@example.gov.cn' });
});

test('only the hotline configured: it is shown alone, and nothing says the contact is still to come', async () => {
  await setContact('023-47212345', null);
  render(<TransparencyView initialYear={null} />);
  const contact = within(await screen.findByLabelText('联系方式'));
  expect(contact.getByText('023-47212345')).toBeTruthy();
  expect(contact.queryByText('电子信箱')).toBeNull();
  expect(contact.queryByText('联系方式待公布')).toBeNull();
});

test('the year before is one tap away, and back', async () => {
  render(<TransparencyView initialYear={null} />);
  await screen.findByText('2026年主要数据');
  fireEvent.click(screen.getByText('上一年'));
  expect(await screen.findByText('2025年主要数据')).toBeTruthy();
  expect(figure('现场搜集监督意见')).toBe('现场搜集监督意见0条');
  expect(screen.getByText('这一年还没有发布接待日小结')).toBeTruthy();
  fireEvent.click(screen.getByText('下一年'));
  expect(await screen.findByText('2026年主要数据')).toBeTruthy();
  expect(figure('现场搜集监督意见')).toBe('现场搜集监督意见3条');
});

test('a card shared with a year opens on that year', async () => {
  render(<TransparencyView initialYear={2025} />);
  expect(await screen.findByText('2025年主要数据')).toBeTruthy();
  expect(figure('开展驿站接待日')).toBe('开展驿站接待日0次');
});

test('下一年 stops at the server’s this year, even on a phone whose clock is already in the next', async () => {
  // Only the phone's calendar is moved on; its timers run as before.
  jest.useFakeTimers({
    now: new Date('2027-02-01T10:00:00+08:00'),
    doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'nextTick', 'queueMicrotask'],
  });
  try {
    render(<TransparencyView initialYear={null} />);
    expect(await screen.findByText('2026年主要数据')).toBeTruthy();
    const nextYearOffered = () => !screen.getByText('下一年').closest('.nut-button')?.classList.contains('nut-button-disabled');
    await waitFor(() => expect(nextYearOffered()).toBe(false));
    fireEvent.click(screen.getByText('上一年'));
    expect(await screen.findByText('2025年主要数据')).toBeTruthy();
    expect(nextYearOffered()).toBe(true);
  } finally {
    jest.useRealTimers();
  }
});
