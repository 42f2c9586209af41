import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { SubmitFeedback } from '@core/feedback/schemas';
import { actOnItem } from '../../../../server/features/feedback/office-actions';
import { createStaffAccount } from '../../../../server/features/identity/staff-accounts';
import { signInResident, useAppServer } from '../../../../../test/support/app-server';
import { createTestApp } from '../../../../../test/support/test-app';
import { firstStation } from '../../../../../test/support/town-fixture';
import { newClientId } from '../../../shared/client-id';
import { sessionLabel } from '../../../shared/format/session-label';
import { feedbackOutbox, saveAndSend } from '../pending-submissions';
import { MyFeedbackList } from './my-feedback-list';

const UNREACHABLE = 'http://127.0.0.1:9/api';
const server = useAppServer();

afterEach(() => jest.restoreAllMocks());

const { db } = server;

function useServer(base: string) {
  Object.assign(globalThis, { API_BASE: base });
}

function submission(content: string): Omit<SubmitFeedback, 'photoIds'> {
  return {
    clientId: newClientId(),
    stationId: firstStation.id,
    onSite: false,
    kind: 'suggestion',
    categoryId: 'fishery-river',
    content,
    anonymous: false,
  };
}

const itemsWithClientId = (clientId: string) =>
  db().selectFrom('feedbackItem').select('id').where('clientId', '=', clientId).execute();

test('lists my items with their status and session; one still on the phone shows as 待发送 and goes, once, when the app is shown again', async () => {
  await server.signInResident();
  const sent = await saveAndSend(submission('河边垂钓的人很多，建议设置安全警示牌。'), [], null);
  if (sent.kind !== 'sent') throw new Error(`expected the first to be sent, got ${sent.kind}`);
  const staff = await createStaffAccount(db(), { username: 'desk.list', displayName: '王科员', role: 'staff' }, new Date());
  const { id: staffId } = await db().selectFrom('staffAccount').select('id').where('username', '=', staff.username).executeTakeFirstOrThrow();
  await actOnItem(db(), sent.result.id, { action: 'reply', text: '已联系河道管理所设置警示牌。' }, staffId, new Date());

  useServer(UNREACHABLE);
  const waiting = submission('渔政执法船夜间巡查时噪音很大，影响休息。');
  expect((await saveAndSend(waiting, [], '11月30日（周一）驿站接待日')).kind).toBe('kept');
  useServer(server.apiBase);

  const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  render(<MyFeedbackList />);
  const done = await screen.findByText('河边垂钓的人很多，建议设置安全警示牌。');
  const row = within(done.closest('.my-feedback-row') as HTMLElement);
  expect(row.getByText('已答复')).toBeTruthy();
  expect(row.getByText(sessionLabel(sent.result.session))).toBeTruthy();
  expect(row.getByText('已答复，请看看答复并评价')).toBeTruthy();

  const pending = within(screen.getByLabelText('待发送的反馈'));
  expect(pending.getByText('待发送')).toBeTruthy();
  expect(pending.getByText('渔政执法船夜间巡查时噪音很大，影响休息。')).toBeTruthy();
  expect(pending.getByText('将提交至 11月30日（周一）驿站接待日')).toBeTruthy();
  expect(pending.getByText(/^网络连接不畅，请检查网络后重试。已保存在手机上，有网络时会自动发送。$/)).toBeTruthy();
  expect(await itemsWithClientId(waiting.clientId)).toHaveLength(0);

  // What app.ts does each time the app is shown.
  await act(async () => {
    void feedbackOutbox.sendWaiting();
  });
  await waitFor(() => expect(screen.queryByLabelText('待发送的反馈')).toBeNull(), { timeout: 10_000 });
  // Once sent, it is listed with the others, waiting for the office.
  const arrived = await screen.findByText('渔政执法船夜间巡查时噪音很大，影响休息。');
  expect(within(arrived.closest('.my-feedback-row') as HTMLElement).getByText('待受理')).toBeTruthy();
  await act(async () => {
    void feedbackOutbox.sendWaiting();
  });
  expect(await itemsWithClientId(waiting.clientId)).toHaveLength(1);

  fireEvent.click(done);
  expect(navigateTo).toHaveBeenCalledWith({ url: `/packages/feedback/detail/index?id=${sent.result.id}` });
});

test('a server too busy to take it (429) keeps the submission for another try rather than refusing it', async () => {
  const busy = await createTestApp({ feedbackPerHour: 1 });
  try {
    const busyBase = `${await busy.app.listen({ host: '127.0.0.1', port: 0 })}/api`;
    useServer(busyBase);
    await signInResident(busyBase);
    expect((await saveAndSend(submission('第一条：建议在码头增加法治宣传栏。'), [], null)).kind).toBe('sent');

    const second = submission('第二条：建议接待日提前在群里通知。');
    const outcome = await saveAndSend(second, [], null);
    expect(outcome.kind).toBe('kept');
    expect(outcome).toEqual({ kind: 'kept', message: expect.stringMatching(/^操作太频繁，请 \d+ 秒后再试$/) });
    const [kept] = Taro.getStorageSync('feedback.pending') as { body: { clientId: string }; refusal: string | null; attempts: number }[];
    expect(kept).toMatchObject({ body: { clientId: second.clientId }, refusal: null, attempts: 1 });
  } finally {
    await busy.close();
  }
});

test('with nothing sent and nothing waiting, it says so and offers the form', async () => {
  const switchTab = jest.spyOn(Taro, 'switchTab').mockResolvedValue({ errMsg: 'switchTab:ok' });
  render(<MyFeedbackList />);
  await screen.findByText('还没有反馈');
  fireEvent.click(screen.getByText('去写反馈'));
  expect(switchTab).toHaveBeenCalledWith({ url: '/pages/feedback/index' });
});
