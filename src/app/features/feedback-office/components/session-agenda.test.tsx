import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { useAppServer } from '../../../../../test/support/app-server';
import {
  settle,
  staffAction,
  staffItem,
  submitFeedback,
  typeInField,
  typeInTextBox,
} from '../../../../../test/support/office-app';
import { firstStation } from '../../../../../test/support/town-fixture';
import { SessionAgenda } from './session-agenda';

const STATION = firstStation.id;
// The station holds sessions on the 15th and 30th. Items are sent on 1 June; the office closes the
// 15 June session just after it ends.
let clock = new Date('2026-06-01T10:00:00+08:00');
const server = useAppServer({ now: () => clock, keepStorage: true });
let resident: string;
let colleague: string;
// Signed in on the day the session is closed: a staff sign-in lasts only the day it was made.
let desk: string;
const ids = { open: '', answeredMeanwhile: '', replied: '', rejected: '', later: '' };

beforeAll(async () => {
  resident = await server.guestToken();
  ids.open = (await submitFeedback(server.apiBase, resident, { content: '河堤边有人用电瓶电鱼，晚上经常有。', categoryId: 'fishery-river' })).id;
  ids.answeredMeanwhile = (await submitFeedback(server.apiBase, resident, { kind: 'inquiry', categoryId: 'other', content: '请问码头的违章棚子归哪个部门管？' })).id;
  ids.replied = (await submitFeedback(server.apiBase, resident)).id;
  ids.rejected = (await submitFeedback(server.apiBase, resident, { kind: 'inquiry', categoryId: 'other', content: '请问社保卡在哪里补办？谢谢。' })).id;
  colleague = await server.signInStaff('li.keyuan', '李科员', clock);
  await staffAction(server.apiBase, colleague, ids.replied, { action: 'reply', text: '已安排城管中队清理。' });
  await staffAction(server.apiBase, colleague, ids.rejected, { action: 'reject', reason: '不属于执法监督事项，请咨询社保窗口。' });

  clock = new Date('2026-06-15T11:40:00+08:00');
  desk = await server.signInStaff('wang.keyuan', '王科员', clock);
  Taro.setStorageSync('auth.staff', desk);
});

const button = (name: string) => screen.getByText(name, { selector: '.nut-button *, .nut-button' });
const rowOf = (id: string, list: string) => within(screen.getByLabelText(list)).queryByLabelText(`反馈 ${id.slice(0, 8)}`);

async function openAgenda(date: string) {
  const view = render(<SessionAgenda stationId={STATION} date={date} />);
  await screen.findByText('接待日议程');
  await settle();
  return view;
}

test('closing a session shows its summary and, as the server says, the items carried over, which the next agenda marks 上次转入', async () => {
  const closing = await openAgenda('2026-06-15');
  expect(screen.getByText('本次反馈（4 条）')).toBeTruthy();
  // A colleague answers one of the open items after this page has loaded.
  await staffAction(server.apiBase, desk, ids.answeredMeanwhile, { action: 'reply', text: '违章棚子由镇综合行政执法大队负责。' });
  await typeInTextBox(screen.getByLabelText('公开说明（可不填，居民会在小结中看到，请勿写姓名）'), '电鱼问题已通报渔政部门。');
  fireEvent.click(button('结束接待日并生成小结'));
  await screen.findByText('结束后，尚未办结的 2 条反馈将转入下一次接待日，并生成公开小结。确定结束吗？');
  fireEvent.click(screen.getByText('确定结束'));

  const summary = within(await screen.findByLabelText('接待日小结'));
  expect(summary.getByText('收到 4 条、已答复 3 条、转入下次 1 条')).toBeTruthy();
  expect(summary.getByText('电鱼问题已通报渔政部门。')).toBeTruthy();
  expect(summary.getByText('渔政·河道（非法捕捞、垂钓）')).toBeTruthy();
  expect(screen.getByText('1 条反馈已转入 6月30日接待日')).toBeTruthy();
  await waitFor(() => expect(rowOf(ids.open, '转入下次的反馈')).toBeTruthy());
  // The page still listed it as open; the server carried over only what was open when it closed.
  expect(rowOf(ids.answeredMeanwhile, '转入下次的反馈')).toBeNull();
  expect(rowOf(ids.replied, '转入下次的反馈')).toBeNull();
  expect(screen.getByText('已结束')).toBeTruthy();
  expect(screen.queryByText('结束接待日并生成小结')).toBeNull();
  closing.unmount();

  await openAgenda('2026-06-30');
  const carried = rowOf(ids.open, '议程');
  expect(carried && within(carried).getByText('上次转入')).toBeTruthy();
  const moved = (await staffItem(server.apiBase, desk, ids.open)).events.at(-1);
  expect(moved).toMatchObject({ action: 'moved', movedFrom: '2026-06-15', movedTo: '2026-06-30' });
});

test('cancelling needs a reason residents will read, then says how many items moved on', async () => {
  ids.later = (await submitFeedback(server.apiBase, resident, { content: '学校门口早上机动车乱停，很危险。' })).id;
  await openAgenda('2026-06-30');
  expect(screen.getByText('本次反馈（2 条）')).toBeTruthy();

  fireEvent.click(button('取消本次接待日'));
  expect(await screen.findByText('原因至少 2 个字，居民会看到它')).toBeTruthy();
  expect(screen.queryByText(/确定取消/)).toBeNull();

  await typeInTextBox(screen.getByLabelText('原因（居民会看到）'), '端午假期调整，暂停一次');
  fireEvent.click(button('取消本次接待日'));
  fireEvent.click(await screen.findByText('确定'));
  await screen.findByText('本次接待日已取消，2 条反馈已转入 7月15日接待日。');
  await waitFor(() => expect(screen.getByText('本次反馈（0 条）')).toBeTruthy());
  expect(screen.getByText('已取消')).toBeTruthy();
  expect((await staffItem(server.apiBase, desk, ids.later)).session.originalDate).toBe('2026-07-15');
});

test('a session cannot be closed before it starts (the server says why); moving it takes a day and keeps its items', async () => {
  await openAgenda('2026-07-15');
  expect(screen.getByText('本次反馈（2 条）')).toBeTruthy();
  fireEvent.click(button('结束接待日并生成小结'));
  fireEvent.click(await screen.findByText('确定结束'));
  expect(await screen.findByText('接待日 2026-07-15 09:00 才开始，还不能结束')).toBeTruthy();

  fireEvent.click(within(screen.getByLabelText('取消或改期')).getByText('改期', { selector: '.nut-radio *, .nut-radio' }));
  await typeInTextBox(screen.getByLabelText('原因（居民会看到）'), '驿站场地检修，顺延一天');
  fireEvent.click(button('改期'));
  expect(await screen.findByText('新日期应为存在的日期，格式如 2026-01-31')).toBeTruthy();

  await typeInField('newDate', '2026-07-16');
  fireEvent.click(button('改期'));
  fireEvent.click(await screen.findByText('确定'));
  await screen.findByText('接待日已改到 7月16日 星期四 09:00–11:30，2 条反馈随之改期。');
  await waitFor(() => expect(screen.getByText('已改期（原定 7月15日 星期三）')).toBeTruthy());
  expect(screen.getByText('本次反馈（2 条）')).toBeTruthy();
});
