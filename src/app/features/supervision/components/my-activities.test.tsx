import { randomUUID } from 'node:crypto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { shanghaiDateOf } from '@core/shared/shanghai-time';
import { createSupervisor, issueBindingCode } from '../../../../server/features/identity/directory';
import { useAppServer } from '../../../../../test/support/app-server';
import { settle, typeInField, typeInTextBox } from '../../../../../test/support/office-app';
import { activityDateLabel } from '../format';
import type { PendingActivity } from '../pending-activities';
import { ActivityForm } from './activity-form';
import { MyActivities } from './my-activities';

const UNREACHABLE = 'http://127.0.0.1:9/api';
const server = useAppServer();
const { db } = server;

afterEach(() => jest.restoreAllMocks());

/** A supervisor in office until 2099, bound to `token`'s person through the office's code. */
async function bindSupervisor(token: string, certificateNo: string): Promise<string> {
  const supervisor = await createSupervisor(
    db(),
    { name: '陈监督', certificateNo, termStart: '2020-01-01', termEnd: '2099-12-31' },
    new Date(),
  );
  const { code } = await issueBindingCode(db(), 'supervisor', supervisor.id, new Date());
  await server.api('POST', '/me/bind', token, { code });
  return supervisor.id;
}

const pendingOnPhone = () => (Taro.getStorageSync('supervision.pending') || []) as PendingActivity[];
const rowsOf = (supervisorId: string) =>
  db().selectFrom('enforcementActivity').selectAll().where('supervisorId', '=', supervisorId).execute();

async function logOnForm(unit: string, observation: string) {
  render(<ActivityForm />);
  await screen.findByText('保存记录');
  await typeInField('unit', unit);
  await typeInTextBox(screen.getByLabelText('观察到的情况'), observation);
  fireEvent.click(screen.getByText('保存记录'));
}

test('mine are listed newest first, with a way to log another; another supervisor’s are not', async () => {
  const token = await server.signInResident();
  await bindSupervisor(token, 'UI-SV-101');
  const log = (date: string, unit: string) =>
    server.api('POST', '/supervision/activities', token, {
      clientId: randomUUID(),
      date,
      unit,
      observation: '执法人员出示证件，现场制作了询问笔录。',
    });
  await log('2026-03-15', '镇综合行政执法大队');
  await log('2026-05-20', '区市场监管局');
  await log('2026-04-02', '区交通执法支队');
  const colleague = await server.guestToken();
  await bindSupervisor(colleague, 'UI-SV-102');
  await server.api('POST', '/supervision/activities', colleague, {
    clientId: randomUUID(),
    date: '2026-05-21',
    unit: '区生态环境局',
    observation: '执法人员到场检查排污口并采样。',
  });
  const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });

  render(<MyActivities />);
  const listed = within(await screen.findByLabelText('已记录'));
  expect(listed.getByText('已记录（3）')).toBeTruthy();
  expect(listed.getAllByText(/^(镇|区)/).map((unit) => unit.textContent)).toEqual(['区市场监管局', '区交通执法支队', '镇综合行政执法大队']);
  expect(listed.getByText(activityDateLabel('2026-05-20'))).toBeTruthy();

  fireEvent.click(screen.getByText('记录一次执法活动'));
  expect(navigate).toHaveBeenCalledWith({ url: '/packages/supervision/log/index' });
});

test('one whose answer was lost waits on the phone and, sent again when the log is opened, is stored once', async () => {
  const supervisorId = await bindSupervisor(await server.signInResident(), 'UI-SV-103');
  // The server stores the entry, then the answer never reaches the phone.
  const request = Taro.request;
  jest.spyOn(Taro, 'request').mockImplementationOnce((async (options: Taro.request.Option) => {
    await request(options);
    throw { errMsg: 'request:fail timeout' };
  }) as unknown as typeof Taro.request);
  await logOnForm('镇综合行政执法大队', '对占道经营摊贩先劝导后处罚，程序规范。');

  expect((await screen.findByRole('status', {}, { timeout: 10_000 })).textContent).toContain('这条记录已保存在手机上');
  const [kept] = pendingOnPhone();
  expect(await rowsOf(supervisorId)).toMatchObject([{ clientId: kept.body.clientId }]);
  cleanup();

  render(<MyActivities />);
  const listed = within(await screen.findByLabelText('已记录'));
  await waitFor(() => expect(screen.queryByLabelText('待发送的记录')).toBeNull(), { timeout: 10_000 });
  expect(listed.getAllByText('对占道经营摊贩先劝导后处罚，程序规范。')).toHaveLength(1);
  expect(pendingOnPhone()).toEqual([]);
  expect(await rowsOf(supervisorId)).toHaveLength(1);
});

test('logged with no network it waits as 待发送, and 重新发送 sends it once the network is back', async () => {
  const supervisorId = await bindSupervisor(await server.signInResident(), 'UI-SV-104');
  Object.assign(globalThis, { API_BASE: UNREACHABLE });
  await logOnForm('区市场监管局', '检查农贸市场计量器具，当场送检两台电子秤。');
  expect((await screen.findByRole('status', {}, { timeout: 10_000 })).textContent).toContain('网络连接不畅');
  cleanup();

  render(<MyActivities />);
  const waiting = within(await screen.findByLabelText('待发送的记录'));
  expect(waiting.getByText('待发送')).toBeTruthy();
  expect(waiting.getByText(activityDateLabel(shanghaiDateOf(new Date())))).toBeTruthy();
  expect(waiting.getByText('检查农贸市场计量器具，当场送检两台电子秤。')).toBeTruthy();
  await waitFor(() => expect(waiting.getByText('重新发送')).toBeTruthy(), { timeout: 10_000 });
  expect(await rowsOf(supervisorId)).toEqual([]);

  Object.assign(globalThis, { API_BASE: server.apiBase });
  fireEvent.click(waiting.getByText('重新发送'));
  await waitFor(() => expect(screen.queryByLabelText('待发送的记录')).toBeNull(), { timeout: 10_000 });
  const entry = await screen.findByText('检查农贸市场计量器具，当场送检两台电子秤。', {}, { timeout: 10_000 });
  expect(screen.getByLabelText('已记录').contains(entry)).toBe(true);
  await settle();
  expect(await rowsOf(supervisorId)).toHaveLength(1);
});

test('a resident who is no supervisor is told so', async () => {
  await server.signInResident();
  render(<MyActivities />);
  expect(await screen.findByText('您没有权限进行这项操作')).toBeTruthy();
});
