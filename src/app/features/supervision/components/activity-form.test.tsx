import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { shanghaiDateOf } from '@core/shared/shanghai-time';
import { createSupervisor, issueBindingCode, revoke } from '../../../../server/features/identity/directory';
import { useAppServer } from '../../../../../test/support/app-server';
import { settle, typeInField, typeInTextBox } from '../../../../../test/support/office-app';
import { activityDateLabel } from '../format';
import type { PendingActivity } from '../pending-activities';
import { ActivityForm } from './activity-form';
import { MyActivities } from './my-activities';

const server = useAppServer();
const { db } = server;

afterEach(() => jest.restoreAllMocks());

/** A resident on this phone who binds the office's code: a supervisor in office until 2099. */
async function signInAsSupervisor(certificateNo: string): Promise<string> {
  const token = await server.signInResident();
  const supervisor = await createSupervisor(
    db(),
    { name: '陈监督', certificateNo, termStart: '2020-01-01', termEnd: '2099-12-31' },
    new Date(),
  );
  const { code } = await issueBindingCode(db(), 'supervisor', supervisor.id, new Date());
  await server.api('POST', '/me/bind', token, { code });
  return supervisor.id;
}

async function openForm() {
  render(<ActivityForm />);
  await screen.findByText('保存记录');
  await settle();
}

const save = () => fireEvent.click(screen.getByText('保存记录'));
const observationBox = () => screen.getByLabelText('观察到的情况');
const pendingOnPhone = () => (Taro.getStorageSync('supervision.pending') || []) as PendingActivity[];
const rowsOf = (supervisorId: string) =>
  db().selectFrom('enforcementActivity').selectAll().where('supervisorId', '=', supervisorId).execute();

test('the date is today in Shanghai unless changed; what is missing is said under each field, in the schema’s words', async () => {
  await openForm();
  expect(screen.getByLabelText('日期').textContent).toBe(activityDateLabel(shanghaiDateOf(new Date())));

  save();
  expect(await screen.findByText('请填写执法单位')).toBeTruthy();
  expect(screen.getByText('观察到的情况至少 10 个字')).toBeTruthy();
  expect(screen.getByText('还有 2 处需要修改，请看上面的红字')).toBeTruthy();

  await typeInTextBox(observationBox(), '态度很好');
  // The counter beside the box counts what is written against the limit.
  expect(screen.getByText('4/2000')).toBeTruthy();
  // Typing in a field takes its message away; the others stay until it is sent again.
  expect(screen.queryByText('观察到的情况至少 10 个字')).toBeNull();
  expect(screen.getByText('请填写执法单位')).toBeTruthy();
  await typeInField('unit', '执');
  save();
  expect(await screen.findByText('请填写执法单位')).toBeTruthy();
  expect(screen.getByText('观察到的情况至少 10 个字')).toBeTruthy();
  expect(pendingOnPhone()).toEqual([]);
  expect(await db().selectFrom('enforcementActivity').select('id').execute()).toEqual([]);
});

test('a saved entry reaches the office once and is listed under mine', async () => {
  const supervisorId = await signInAsSupervisor('UI-SV-001');
  const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' });
  await openForm();
  await typeInField('unit', '  镇综合行政执法大队 ');
  await typeInField('place', '朝天咀码头');
  await typeInTextBox(observationBox(), '执法人员到场后出示了执法证件，告知了当事人陈述申辩的权利。');
  save();

  expect((await screen.findByRole('status', {}, { timeout: 10_000 })).textContent).toContain('已记录');
  const today = shanghaiDateOf(new Date());
  expect(await rowsOf(supervisorId)).toMatchObject([
    { date: today, unit: '镇综合行政执法大队', place: '朝天咀码头', observation: '执法人员到场后出示了执法证件，告知了当事人陈述申辩的权利。' },
  ]);
  expect(pendingOnPhone()).toEqual([]);

  fireEvent.click(screen.getByText('查看我的记录'));
  expect(redirect).toHaveBeenCalledWith({ url: '/packages/supervision/activities/index' });
  cleanup();
  render(<MyActivities />);
  const entry = await screen.findByLabelText(`${activityDateLabel(today)} 镇综合行政执法大队`);
  expect(entry.textContent).toContain('地点：朝天咀码头');
  expect(entry.textContent).toContain('告知了当事人陈述申辩的权利');
});

test('an entry the server refuses is not sent again: its reason is shown and the words stay in the form', async () => {
  const supervisorId = await signInAsSupervisor('UI-SV-002');
  await openForm();
  await typeInField('unit', '区交通执法支队');
  await typeInTextBox(observationBox(), '货车超限检查，执法人员现场称重并出具了文书。');
  // The appointment ends while the form is open.
  await revoke(db(), 'supervisor', supervisorId, new Date());
  save();

  expect(await screen.findByText('您没有权限进行这项操作', {}, { timeout: 10_000 })).toBeTruthy();
  expect((screen.getByLabelText('观察到的情况').querySelector('textarea') as HTMLTextAreaElement).value).toBe(
    '货车超限检查，执法人员现场称重并出具了文书。',
  );
  expect(pendingOnPhone()).toMatchObject([{ refusal: '您没有权限进行这项操作', body: { unit: '区交通执法支队' } }]);

  // Opening the log again sends what waits, but not this one: it is shown with its reason, to be deleted.
  cleanup();
  render(<MyActivities />);
  const waiting = within(await screen.findByLabelText('待发送的记录'));
  expect(waiting.getByText('未能提交')).toBeTruthy();
  expect(waiting.getByText('您没有权限进行这项操作')).toBeTruthy();
  expect(waiting.queryByText('重新发送')).toBeNull();
  await settle();
  expect(await rowsOf(supervisorId)).toEqual([]);
});
