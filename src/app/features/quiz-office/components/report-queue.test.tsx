import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { useAppServer } from '../../../../../test/support/app-server';
import { settle, typeInTextBox, typeInto } from '../../../../../test/support/office-app';
import { QuestionBank } from './question-bank';
import { ReportQueue } from './report-queue';

const server = useAppServer({ keepStorage: true });
const { db } = server;

beforeAll(async () => {
  Taro.setStorageSync('auth.staff', await server.signInStaff('quiz.desk', '王科员', new Date()));
  const resident = await server.guestToken();
  for (const [id, reason] of [
    ['cc-cg-001', '这道题的说法和法条原文不完全一样，容易误解。'],
    ['cc-cg-002', '我觉得正确答案应该是另一个选项。'],
  ]) {
    const response = await fetch(`${server.apiBase}/quiz/questions/${id}/reports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${resident}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason }),
    });
    if (!response.ok) throw new Error(`report ${id} → ${response.status}`);
  }
});

const button = (name: string, scope: HTMLElement = document.body) =>
  within(scope).getByText(name, { selector: '.nut-button *, .nut-button' });
const reportOf = (id: string) => screen.getByLabelText(`纠错 ${id}`);
const storedReport = (questionId: string) =>
  db().selectFrom('questionReport').select(['status', 'note', 'resolvedBy']).where('questionId', '=', questionId).executeTakeFirstOrThrow();
const retired = async (id: string) => (await db().selectFrom('quizQuestion').select('retired').where('id', '=', id).executeTakeFirstOrThrow()).retired;

test('the bank marks a question with open reports', async () => {
  render(<QuestionBank />);
  await screen.findByRole('status');
  await settle();
  await typeInto(document.querySelector('.nut-searchbar input')!, 'cc-cg-001');
  fireEvent.click(button('查询'));
  await waitFor(() => expect(within(screen.getByLabelText('题目 cc-cg-001')).getByText('纠错 1')).toBeTruthy());
});

test('a report is resolved with a choice and a note: retiring stops the question, dismissing leaves it; the record shows who did what', async () => {
  render(<ReportQueue />);
  await screen.findByText('待处理 2 条');
  await settle();
  const first = reportOf('cc-cg-001');
  expect(within(first).getByText('这道题的说法和法条原文不完全一样，容易误解。')).toBeTruthy();

  fireEvent.click(button('提交处理', first));
  expect(await within(first).findByText('请选择处理结果')).toBeTruthy();
  expect((await storedReport('cc-cg-001')).status).toBe('open');

  fireEvent.click(within(first).getByText('停用这道题'));
  await typeInTextBox(within(first).getByLabelText('处理说明（可不填）'), '题干与第四百六十四条原文有出入，先停用再改。');
  fireEvent.click(button('提交处理', first));
  await screen.findByText('待处理 1 条');
  expect(await storedReport('cc-cg-001')).toMatchObject({ status: 'retired', note: '题干与第四百六十四条原文有出入，先停用再改。' });
  expect(await retired('cc-cg-001')).toBe(1);

  const second = reportOf('cc-cg-002');
  fireEvent.click(within(second).getByText('题目无误，不予采纳'));
  fireEvent.click(button('提交处理', second));
  await screen.findByText('没有待处理的纠错');
  expect((await storedReport('cc-cg-002')).status).toBe('dismissed');
  expect(await retired('cc-cg-002')).toBe(0);

  fireEvent.click(within(screen.getByLabelText('状态')).getByText('已停用'));
  await screen.findByText('已停用 1 条');
  const record = within(reportOf('cc-cg-001'));
  expect(record.getByText(/^已停用 · 王科员 · \d{4}-\d{2}-\d{2} \d{2}:\d{2}/)).toBeTruthy();
  expect(record.getByText('说明：题干与第四百六十四条原文有出入，先停用再改。')).toBeTruthy();
  expect(record.queryByText('提交处理')).toBeNull();
});
