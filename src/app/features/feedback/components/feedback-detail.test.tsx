import { act, fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { SessionRef, SubmitFeedbackInput } from '@core/feedback/schemas';
import { actOnItem } from '../../../../server/features/feedback/office-actions';
import { createStaffAccount } from '../../../../server/features/identity/staff-accounts';
import { loadTownConfig } from '../../../../server/features/town/town-config-file';
import { townFile } from '../../../../../test/support/test-database';
import { useAppServer } from '../../../../../test/support/app-server';
import { firstStation } from '../../../../../test/support/town-fixture';
import { sessionLabel } from '../../../shared/format/session-label';
import { newClientId } from '../../../shared/client-id';
import { FeedbackDetail } from './feedback-detail';

const { office } = loadTownConfig(townFile);
const server = useAppServer();
const { db } = server;
let staffId: string;

beforeAll(async () => {
  await createStaffAccount(db(), { username: 'desk.detail', displayName: '李科员', role: 'staff' }, new Date());
  staffId = (await db().selectFrom('staffAccount').select('id').where('username', '=', 'desk.detail').executeTakeFirstOrThrow()).id;
});

/** An item sent earlier from this phone: the resident signed in here, and the same sign-in reads it back. */
async function mySubmittedItem(overrides: Partial<SubmitFeedbackInput> = {}) {
  const token = await server.signInResident();
  const item = await server.api('POST', '/feedback', token, {
    clientId: newClientId(),
    stationId: firstStation.id,
    kind: 'complaint',
    categoryId: 'city-management',
    content: '菜市场门口长期占道经营，执法人员来了也只是口头劝离。',
    mobile: '13812345678',
    ...overrides,
  });
  return item as { id: string; session: SessionRef };
}

const officeActs = (itemId: string, action: Parameters<typeof actOnItem>[2]) => actOnItem(db(), itemId, action, staffId, new Date());

async function openDetail(id: string) {
  render(<FeedbackDetail id={id} />);
  await screen.findByLabelText('办理进度');
  // Taro's H5 components upgrade asynchronously.
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
}

test('a new item shows 待受理, its session, what was sent and the first step; there is nothing to rate yet', async () => {
  const item = await mySubmittedItem();
  await openDetail(item.id);
  expect(screen.getByText('待受理')).toBeTruthy();
  expect(within(screen.getByLabelText('所属接待日')).getByText(sessionLabel(item.session))).toBeTruthy();
  expect(screen.getByText('菜市场门口长期占道经营，执法人员来了也只是口头劝离。')).toBeTruthy();
  // The submitter sees their own number in full.
  expect(screen.getByText('联系电话：13812345678（工作人员看到的是隐去中间四位的号码）')).toBeTruthy();
  expect(within(screen.getByLabelText('办理进度')).getByText('提交反馈')).toBeTruthy();
  expect(screen.queryByLabelText('评价答复')).toBeNull();
  expect(screen.queryByText('1–2 星会退回重新办理一次')).toBeNull();
});

test('the office’s reply is shown with the office’s name, and a 4-star rating with a comment is recorded', async () => {
  const item = await mySubmittedItem();
  await officeActs(item.id, { action: 'accept' });
  await officeActs(item.id, { action: 'reply', text: '已责令摊主退回店内经营，并安排每日巡查。' });
  await openDetail(item.id);

  expect(screen.getByText('已答复')).toBeTruthy();
  const reply = within(screen.getByLabelText('答复'));
  expect(reply.getByText('已责令摊主退回店内经营，并安排每日巡查。')).toBeTruthy();
  expect(reply.getByText(new RegExp(`^${office} · `))).toBeTruthy();
  expect(screen.getByText('1–2 星会退回重新办理一次')).toBeTruthy();

  const form = within(screen.getByLabelText('评价答复'));
  fireEvent.click(form.getByText('提交评价'));
  expect(await form.findByText('请选择 1–5 颗星')).toBeTruthy();

  fireEvent.click(document.querySelectorAll('.rating-form .nut-rate-item')[3]);
  const comment = document.querySelector<HTMLTextAreaElement>('.rating-form__comment textarea')!;
  await act(async () => {
    fireEvent.input(comment, { target: { value: '处理及时' } });
  });
  fireEvent.click(form.getByText('提交评价'));

  const mine = within(await screen.findByLabelText('我的评价'));
  expect(mine.getByText('处理及时')).toBeTruthy();
  expect(screen.queryByLabelText('评价答复')).toBeNull();
  const stored = await db().selectFrom('feedbackItem').select(['ratingStars', 'status']).where('id', '=', item.id).executeTakeFirstOrThrow();
  expect(stored).toEqual({ ratingStars: 4, status: 'replied' });
});

test('rating a reply 2 stars sends the item back to the office: 已受理 again, with the step that says so', async () => {
  const item = await mySubmittedItem();
  await officeActs(item.id, { action: 'reply', text: '经核查，摊位已清理。' });
  await openDetail(item.id);

  fireEvent.click(document.querySelectorAll('.rating-form .nut-rate-item')[1]);
  expect(await screen.findByText('不满意')).toBeTruthy();
  fireEvent.click(screen.getByText('提交评价'));

  const progress = within(await screen.findByLabelText('办理进度'));
  await progress.findByText('退回重新办理');
  expect(screen.getByText('已受理')).toBeTruthy();
  expect(progress.getByText('2 星')).toBeTruthy();
  const stored = await db().selectFrom('feedbackItem').select(['status', 'reopened']).where('id', '=', item.id).executeTakeFirstOrThrow();
  expect(stored).toEqual({ status: 'accepted', reopened: 1 });
});

test('a rejected item gives the office’s reason', async () => {
  const item = await mySubmittedItem({ anonymous: true, mobile: null });
  await officeActs(item.id, { action: 'reject', reason: '不属于本镇执法事项，请向区交通局反映。' });
  await openDetail(item.id);
  expect(document.querySelector('.feedback-detail__status')?.textContent).toContain('不予受理');
  expect(within(screen.getByLabelText('不予受理的理由')).getByText('不属于本镇执法事项，请向区交通局反映。')).toBeTruthy();
  expect(screen.getByText('匿名反馈：工作人员看不到您是谁')).toBeTruthy();
  expect(screen.queryByLabelText('评价答复')).toBeNull();
});

test('someone else’s item, or one that does not exist, is not shown', async () => {
  const theirs = await mySubmittedItem();
  Taro.clearStorageSync();
  render(<FeedbackDetail id={theirs.id} />);
  await screen.findByText('没有加载出来');
  expect(screen.queryByText('菜市场门口长期占道经营，执法人员来了也只是口头劝离。')).toBeNull();
});
