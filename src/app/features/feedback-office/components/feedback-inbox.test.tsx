import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { useAppServer } from '../../../../../test/support/app-server';
import { settle, staffAction, submitFeedback, typeInField, typeInto } from '../../../../../test/support/office-app';
import { FeedbackInbox } from './feedback-inbox';

// The server's clock is pinned and moved: the first item is submitted eleven days before the inbox is
// read, past its reply deadline of seven working days.
let clock = new Date('2026-06-01T10:00:00+08:00');
const server = useAppServer({ now: () => clock, keepStorage: true });
const ids: Record<'overdue' | 'suggestion' | 'inquiry', string> = { overdue: '', suggestion: '', inquiry: '' };

beforeAll(async () => {
  const resident = await server.guestToken();
  ids.overdue = (await submitFeedback(server.apiBase, resident, { content: '菜市场门口天天有人占道经营，车过不去。' })).id;

  clock = new Date('2026-06-12T10:00:00+08:00');
  ids.suggestion = (
    await submitFeedback(server.apiBase, resident, { kind: 'suggestion', categoryId: 'market', content: '建议菜市场增设公平秤，方便老人复秤。' })
  ).id;
  ids.inquiry = (
    await submitFeedback(server.apiBase, resident, { kind: 'inquiry', categoryId: 'other', content: '请问院坝里搭雨棚需要办什么手续？' })
  ).id;
  const desk = await server.signInStaff('zhao.keyuan', '赵科员', clock);
  await staffAction(server.apiBase, desk, ids.inquiry, { action: 'accept' });
  Taro.setStorageSync('auth.staff', desk);
});

beforeEach(() => Taro.removeStorageSync('staff.inbox.query'));

const row = (id: string) => screen.queryByLabelText(`反馈 ${id.slice(0, 8)}`);
const shownCount = () => screen.getByRole('status').textContent;

async function showsOnly(...expected: string[]) {
  await waitFor(() => {
    expect(shownCount()).toBe(`共 ${expected.length} 条`);
    const listed = screen.queryAllByRole('listitem').map((item) => item.getAttribute('aria-label'));
    expect(listed.sort()).toEqual(expected.map((id) => `反馈 ${id.slice(0, 8)}`).sort());
  });
}

function choose(group: string, choice: string) {
  fireEvent.click(within(screen.getByLabelText(group)).getByText(choice));
}

async function openInbox() {
  const view = render(<FeedbackInbox />);
  await screen.findByRole('status');
  await settle();
  return view;
}

test('each filter narrows the list, and 全部 or 清除筛选 brings everything back', async () => {
  await openInbox();
  await showsOnly(ids.overdue, ids.suggestion, ids.inquiry);

  choose('类型', '建议');
  await showsOnly(ids.suggestion);
  choose('类型', '全部');
  await showsOnly(ids.overdue, ids.suggestion, ids.inquiry);

  choose('状态', '已受理');
  await showsOnly(ids.inquiry);
  choose('状态', '全部');
  await showsOnly(ids.overdue, ids.suggestion, ids.inquiry);

  choose('类别', '市场监管');
  await showsOnly(ids.suggestion);
  fireEvent.click(screen.getByText('清除筛选'));
  await showsOnly(ids.overdue, ids.suggestion, ids.inquiry);

  const search = document.querySelector('.nut-searchbar input') as HTMLInputElement;
  await typeInto(search, '雨棚');
  fireEvent.click(screen.getByText('查询'));
  await showsOnly(ids.inquiry);
});

test('a mistyped session day is explained and the list is left as it was; a day with none says so', async () => {
  await openInbox();
  await showsOnly(ids.overdue, ids.suggestion, ids.inquiry);
  await typeInField('sessionDate', '2026-06-31');
  fireEvent.click(screen.getByText('查询'));
  expect(await screen.findByText('接待日应为存在的日期，格式如 2026-01-31')).toBeTruthy();
  await showsOnly(ids.overdue, ids.suggestion, ids.inquiry);

  await typeInField('sessionDate', '2026-06-30');
  fireEvent.click(screen.getByText('查询'));
  await screen.findByText('没有符合条件的反馈');
  await typeInField('sessionDate', '2026-06-15');
  fireEvent.click(screen.getByText('查询'));
  await showsOnly(ids.overdue, ids.suggestion, ids.inquiry);
});

test('an item past its reply deadline is marked 超期 in red; 只看超期 shows it alone, and stays chosen next time', async () => {
  const first = await openInbox();
  const overdueRow = within(row(ids.overdue)!);
  expect(overdueRow.getByText('超期').closest('.nut-tag')?.className).toContain('danger');
  expect(overdueRow.getByText('答复期限 2026-06-10').className).toContain('overdue');
  expect(within(row(ids.suggestion)!).queryByText('超期')).toBeNull();
  expect(within(row(ids.inquiry)!).queryByText('超期')).toBeNull();

  fireEvent.click(screen.getByText('只看超期'));
  await showsOnly(ids.overdue);
  first.unmount();

  await openInbox();
  await showsOnly(ids.overdue);
});
