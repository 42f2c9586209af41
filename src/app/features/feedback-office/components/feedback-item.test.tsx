import { resolveObjectURL } from 'node:buffer';
import { URL as NodeUrl } from 'node:url';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import sharp from 'sharp';
import { useAppServer } from '../../../../../test/support/app-server';
import {
  settle,
  staffAction,
  staffItem,
  submitFeedback,
  typeInField,
  typeInTextBox,
  uploadPhoto,
} from '../../../../../test/support/office-app';
import { FeedbackItem } from './feedback-item';

// A Monday morning in Shanghai: what the history shows must read 10:00 whatever the test machine's timezone.
const now = new Date('2026-06-01T10:00:00+08:00');
const server = useAppServer({ now: () => now, keepStorage: true });
let resident: string;
let colleague: string;

beforeAll(async () => {
  resident = await server.guestToken();
  colleague = await server.signInStaff('li.keyuan', '李科员', now);
  const desk = await server.signInStaff('wang.keyuan', '王科员', now);
  Taro.setStorageSync('auth.staff', desk);
});

const button = (name: string) => screen.queryByText(name, { selector: '.nut-button *, .nut-button' });
const history = () => within(screen.getByLabelText('办理记录'));
/** The status tag at the head of the page. */
const status = () => document.querySelector('.feedback-item__head .nut-tag')?.textContent;

async function openItem(id: string) {
  const view = render(<FeedbackItem id={id} />);
  await screen.findByLabelText('办理记录');
  await settle();
  return view;
}

test('受理 then 答复 move the status, and the history says who did each and when', async () => {
  const { id } = await submitFeedback(server.apiBase, resident);
  await openItem(id);
  expect(status()).toBe('待受理');

  fireEvent.click(button('受理')!);
  await waitFor(() => expect(status()).toBe('已受理'));
  expect(history().getByText('待受理 → 已受理')).toBeTruthy();
  const accepted = history().getByText('待受理 → 已受理').closest('[role="listitem"]') as HTMLElement;
  expect(within(accepted).getByText('王科员')).toBeTruthy();
  expect(within(accepted).getByText('2026-06-01 10:00')).toBeTruthy();

  await typeInTextBox(screen.getByLabelText('答复（提交人会收到）'), '已通知城管中队，本周内清理占道摊点。');
  fireEvent.click(button('发送答复')!);
  await screen.findByText('已受理 → 已答复');
  expect(history().getByText('已通知城管中队，本周内清理占道摊点。')).toBeTruthy();
  expect(status()).toBe('已答复');
});

test('only the steps the status allows are offered: no 办结 before a reply, no 受理 or 不予受理 after it', async () => {
  const { id } = await submitFeedback(server.apiBase, resident);
  const pending = await openItem(id);
  expect(button('受理')).toBeTruthy();
  expect(button('不予受理')).toBeTruthy();
  expect(button('办结')).toBeNull();
  pending.unmount();

  await staffAction(server.apiBase, colleague, id, { action: 'reply', text: '已转交市场监管所处理。' });
  await openItem(id);
  expect(status()).toBe('已答复');
  expect(button('受理')).toBeNull();
  expect(button('不予受理')).toBeNull();
  expect(button('办结')).toBeTruthy();
});

test('不予受理 needs a reason: the schema’s message shows and nothing is sent; with one it asks, then rejects', async () => {
  const { id } = await submitFeedback(server.apiBase, resident);
  await openItem(id);
  fireEvent.click(button('不予受理')!);
  expect(await screen.findByText('不予受理的理由至少 2 个字')).toBeTruthy();
  expect(screen.queryByText(/确定不予受理/)).toBeNull();
  expect(status()).toBe('待受理');
  expect((await staffItem(server.apiBase, colleague, id)).events).toHaveLength(1);

  await typeInTextBox(screen.getByLabelText('不予受理的理由（提交人会看到）'), '不属于本镇执法事项，请向区交通局反映。');
  fireEvent.click(button('不予受理')!);
  const dialog = await screen.findByText(/确定不予受理这条反馈吗/);
  expect(dialog.textContent).toContain('不属于本镇执法事项');
  fireEvent.click(screen.getByText('确定'));
  await screen.findByText('待受理 → 不予受理');
  expect(status()).toBe('不予受理');
  expect(history().getByText('不属于本镇执法事项，请向区交通局反映。')).toBeTruthy();
});

test('办结 is confirmed first; 再想想 leaves the item as it was', async () => {
  const { id } = await submitFeedback(server.apiBase, resident);
  await staffAction(server.apiBase, colleague, id, { action: 'reply', text: '已安排执法人员现场核查。' });
  await openItem(id);
  fireEvent.click(button('办结')!);
  await screen.findByText('确定办结这条反馈吗？办结后不能再答复。');
  fireEvent.click(screen.getByText('再想想'));
  await settle();
  expect(screen.queryByText('已答复 → 已办结')).toBeNull();

  fireEvent.click(button('办结')!);
  fireEvent.click(await screen.findByText('确定'));
  await screen.findByText('已答复 → 已办结');
});

test('what the server refuses shows where the person acted, and the page catches up: a colleague rejected it first', async () => {
  const { id } = await submitFeedback(server.apiBase, resident);
  await openItem(id);
  await staffAction(server.apiBase, colleague, id, { action: 'reject', reason: '重复提交' });
  fireEvent.click(button('受理')!);
  expect(await screen.findByText('这条反馈已不予受理，不能再办理')).toBeTruthy();
  await waitFor(() => expect(status()).toBe('不予受理'));
  expect(button('受理')).toBeNull();
  expect(history().getByText('李科员')).toBeTruthy();
});

test('an anonymous item reads 匿名 and shows no number; a named one shows the number masked', async () => {
  const anonymous = await submitFeedback(server.apiBase, resident, { anonymous: true, content: '河边每天晚上有人电鱼，希望管一管。' });
  const anonymousPage = await openItem(anonymous.id);
  expect(screen.getByText('匿名', { selector: '.item-line__value, .item-line__value *' })).toBeTruthy();
  expect(screen.queryByText('联系电话')).toBeNull();

  const named = await submitFeedback(server.apiBase, resident, { mobile: '13812345678' });
  anonymousPage.unmount();
  await openItem(named.id);
  expect(screen.getByText('居民')).toBeTruthy();
  expect(screen.getByText('138****5678')).toBeTruthy();
  expect(document.body.textContent).not.toContain('13812345678');
});

test('an internal note is marked 内部 in the history', async () => {
  const { id } = await submitFeedback(server.apiBase, resident);
  await openItem(id);
  await typeInTextBox(screen.getByLabelText('内部备注（仅工作人员可见）'), '与上周反映的是同一摊点。');
  fireEvent.click(button('添加内部备注')!);
  const note = await history().findByText('与上周反映的是同一摊点。');
  const event = note.closest('[role="listitem"]') as HTMLElement;
  expect(within(event).getByText('内部')).toBeTruthy();
  expect(within(event).getByText('王科员')).toBeTruthy();
});

test('研判 toggles, and 标为重复 takes the other item’s short 编号', async () => {
  const first = await submitFeedback(server.apiBase, resident, { content: '老街口违章搭建的棚子挡住了消防通道。', categoryId: 'illegal-building' });
  const second = await submitFeedback(server.apiBase, resident, { content: '老街口的违建棚子还是没有拆除。', categoryId: 'illegal-building' });
  await openItem(second.id);

  fireEvent.click(button('提交研判')!);
  await waitFor(() => expect(button('取消研判')).toBeTruthy());
  expect(screen.getByText('研判', { selector: '.nut-tag, .nut-tag *' })).toBeTruthy();

  await typeInField('duplicateOf', 'zz');
  fireEvent.click(button('标为重复')!);
  expect(await screen.findByText('请填写另一条反馈的编号（收件箱中显示的 8 位）')).toBeTruthy();

  await typeInField('duplicateOf', first.id.slice(0, 8));
  fireEvent.click(button('标为重复')!);
  await screen.findByText('重复于');
  expect(screen.getByText(`编号 ${first.id.slice(0, 8)}`)).toBeTruthy();
  expect(button('标为重复')).toBeNull();
});

test('photos are fetched with the staff sign-in, which an image tag could not send, and shown as they are stored', async () => {
  // jsdom has no object URLs; Node's own implementation of the same web API fills the gap, as fetch does.
  const jsdomUrl = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
  Object.assign(URL, { createObjectURL: NodeUrl.createObjectURL, revokeObjectURL: NodeUrl.revokeObjectURL });
  try {
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#b71c1c' } }).png().toBuffer();
    const photo = await uploadPhoto(server.apiBase, resident, png, 'image/png');
    const { id } = await submitFeedback(server.apiBase, resident, { photoIds: [photo.id] });
    const page = await openItem(id);
    const shown = await waitFor(() => {
      const src = document.querySelector('.staff-photos taro-image-core')?.getAttribute('src');
      expect(src).toMatch(/^blob:/);
      return src!;
    });
    const served = await fetch(`${server.apiBase}/feedback/photos/${photo.id}`, { headers: { authorization: `Bearer ${colleague}` } });
    const shownBytes = Buffer.from(await resolveObjectURL(shown)!.arrayBuffer());
    expect(shownBytes.equals(Buffer.from(await served.arrayBuffer()))).toBe(true);
    // Leaving the page gives the memory back.
    page.unmount();
    expect(resolveObjectURL(shown)).toBeUndefined();
  } finally {
    Object.assign(URL, { createObjectURL: jsdomUrl.create, revokeObjectURL: jsdomUrl.revoke });
  }
});
