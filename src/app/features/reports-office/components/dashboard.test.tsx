import { randomUUID } from 'node:crypto';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { addDays, shanghaiDateOf } from '@core/shared/shanghai-time';
import { createSupervisor, issueBindingCode } from '../../../../server/features/identity/directory';
import { useAppServer } from '../../../../../test/support/app-server';
import { settle, staffAction, submitFeedback } from '../../../../../test/support/office-app';
import { pickByRolling } from '../../../../../test/support/picker';
import { presetPeriod } from '../period-presets';
import { Dashboard } from './dashboard';

// The app and the server both keep the real clock: the items below come in today, so 本年 holds them and 上月 not.
const server = useAppServer({ keepStorage: true });
const today = shanghaiDateOf(new Date());
const year = today.slice(0, 4);
const lastMonth = presetPeriod('lastMonth', today);

beforeAll(async () => {
  const db = server.db();
  const desk = await server.signInStaff('report.desk', '孙科员');
  Taro.setStorageSync('auth.staff', desk);

  const resident = await server.guestToken();
  const complaint = await submitFeedback(server.apiBase, resident);
  const suggestion = await submitFeedback(server.apiBase, resident, { kind: 'suggestion', categoryId: 'market', content: '建议菜市场增设公平秤，方便老人复秤。' });
  const inquiry = await submitFeedback(server.apiBase, resident, { kind: 'inquiry', categoryId: 'other', content: '请问院坝里搭雨棚需要办什么手续？' });
  await staffAction(server.apiBase, desk, complaint.id, { action: 'reply', text: '已转城管中队处理，本周内清理占道摊位。' });
  // The reply is dated 30 hours after the item came in, which the median then reads.
  const { submittedAt } = await db.selectFrom('feedbackItem').select('submittedAt').where('id', '=', complaint.id).executeTakeFirstOrThrow();
  await db
    .updateTable('feedbackEvent')
    .set({ at: new Date(Date.parse(submittedAt) + 30 * 3600_000).toISOString() })
    .where('itemId', '=', complaint.id)
    .where('action', '=', 'replied')
    .execute();
  await staffAction(server.apiBase, desk, suggestion.id, { action: 'flag', flagged: true });
  // Its last day for a reply was yesterday: overdue now.
  await db.updateTable('feedbackItem').set({ replyDue: addDays(today, -1) }).where('id', '=', inquiry.id).execute();

  // An event that ended a minute ago, where the office counted 35 people.
  const { id: eventId } = await server.api<{ id: string }>('POST', '/staff/events', desk, {
    title: '民法典进院坝',
    type: 'yuanba',
    theme: '民法典与农村生活',
    startsAt: `${addDays(today, 7)}T14:00:00+08:00`,
    endsAt: `${addDays(today, 7)}T16:00:00+08:00`,
    place: { name: '朝天咀社区院坝' },
    communityId: 'chaotianzui',
    organiser: '镇法治建设科',
    capacity: null,
    description: '村民关心的继承、婚姻家庭和土地承包问题，律师现场解答。',
  });
  await server.api('POST', `/staff/events/${eventId}/publish`, desk);
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
  await db.updateTable('event').set({ startsAt: minutesAgo(2), endsAt: minutesAgo(1), attendance: 35 }).where('id', '=', eventId).execute();

  // A supervisor who logged one enforcement action today.
  const now = new Date();
  const supervisor = await createSupervisor(db, { name: '陈监督', certificateNo: 'BS-2026-001', termStart: `${year}-01-01`, termEnd: `${Number(year) + 1}-12-31` }, now);
  const { code } = await issueBindingCode(db, 'supervisor', supervisor.id, now);
  const phone = await server.guestToken();
  await server.api('POST', '/me/bind', phone, { code });
  await server.api('POST', '/supervision/activities', phone, {
    clientId: '2f1c6a8e-3b7d-4e59-9a0c-5d2b8e7f1a34',
    date: today,
    unit: '白沙镇综合行政执法大队',
    observation: '执法人员亮证执法，先劝导后处罚，对占道经营的三户商户下达了整改通知。',
  });

  // Two contest papers handed in today, scored 80 and 90: one named its grid, the other only its community.
  const { id: staffId } = await db.selectFrom('staffAccount').select('id').where('username', '=', 'report.desk').executeTakeFirstOrThrow();
  await db
    .insertInto('contest')
    .values({
      id: 'dashboard-contest',
      title: '民法典知识竞赛',
      law: 'civil-code',
      books: '[]',
      questionCount: 5,
      timeLimitMinutes: 10,
      attemptsAllowed: 1,
      startsAt: minutesAgo(60),
      endsAt: minutesAgo(-60),
      audience: 'everyone',
      createdBy: staffId,
      createdAt: minutesAgo(60),
    })
    .execute();
  const takers = await db.selectFrom('appUser').select('id').orderBy('id').limit(2).execute();
  const paper = (userId: string, gridId: string | null, score: number) => ({
    id: `dashboard-attempt-${score}`,
    contestId: 'dashboard-contest',
    userId,
    seq: 1,
    communityId: 'chaotianzui',
    gridId,
    paper: '[]',
    startedAt: minutesAgo(20),
    deadlineAt: minutesAgo(10),
    submittedAt: minutesAgo(15),
    answers: '[]',
    score,
    correctCount: score / 20,
    secondsTaken: 300,
    viaGridId: null,
    sharerId: null,
  });
  await db.insertInto('contestAttempt').values([paper(takers[0].id, 'chaotianzui-1', 80), paper(takers[1].id, null, 90)]).execute();

  await db.updateTable('community').set({ population: 1000 }).where('id', '=', 'chaotianzui').execute();
});

afterEach(() => jest.restoreAllMocks());

// Each dashboard reads the whole period's records: on a machine busy with other test files that takes a while.
const answered = { timeout: 5_000 };

const section = (title: string) => within(screen.getByLabelText(title));
const figure = (title: string, label: string) => section(title).getByLabelText(label).querySelector('.figure__value')?.textContent;
const unit = (title: string, label: string) => section(title).getByLabelText(label).querySelector('.figure__unit')?.textContent;
const bars = (title: string) => within(screen.getByLabelText(title)).getAllByRole('listitem').map((bar) => bar.getAttribute('aria-label'));
const row = (table: string, name: string) =>
  [...within(screen.getByLabelText(table)).getByLabelText(name).children].map((cell) => cell.textContent);
const inForce = () => screen.getByLabelText('当前统计范围').textContent;

async function openDashboard() {
  render(<Dashboard />);
  await waitFor(() => expect(figure('执法监督反馈', '收到反馈')).toBe('3'), answered);
  await settle();
}

function choose(group: string, choice: string) {
  fireEvent.click(within(screen.getByLabelText(group)).getByText(choice));
}

test('the office reads this year’s figures of the whole town, each section from the real records', async () => {
  await openDashboard();
  expect(inForce()).toBe(`${year}-01-01 至 ${today} · 全镇（按北京时间）`);

  expect(bars('按类型')).toEqual(['监督意见 0 条', '投诉 1 条', '建议 1 条', '咨询 1 条']);
  expect(bars('按类别')).toContain('市场监管 1 条');
  expect(bars('按当前状态')).toEqual(['待受理 2 条', '已受理 0 条', '已答复 1 条', '已办结 0 条', '不予受理 0 条']);
  expect(figure('执法监督反馈', '已答复')).toBe('1');
  // 30 hours: one item, so the median and the 90th percentile alike, in days from a day on.
  expect(figure('执法监督反馈', '首次答复用时（中位数）')).toBe('1.3');
  expect(unit('执法监督反馈', '首次答复用时（中位数）')).toBe('天');
  expect(figure('执法监督反馈', '首次答复用时（90% 在此之内）')).toBe('1.3');
  // Overdue stands out.
  expect(figure('执法监督反馈', '当前超期未答复')).toBe('1');
  expect(section('执法监督反馈').getByLabelText('当前超期未答复').className).toContain('figure--alert');
  expect(figure('执法监督反馈', '提交研判')).toBe('1');
  expect(bars('研判事项办理情况')).toContain('待受理 1 项');
  expect(screen.getByLabelText('满意度').textContent).toBe('满意度：还没有人评价答复');

  expect(figure('执法监督员', '现场参加执法活动')).toBe('1');
  expect(row('各监督员', '陈监督')).toEqual(['陈监督', '0', '1']);
  // For the whole town nothing needs saying about the activities' scope.
  expect(section('执法监督员').queryByText('执法活动不分社区，为全镇数')).toBeNull();

  expect(figure('法治宣传活动', '开展活动')).toBe('1');
  expect(figure('法治宣传活动', '活动受众')).toBe('35');
  expect(bars('按活动类型')).toContain('院坝会 1 场，受众 35 人次');
  expect(bars('按主题')).toEqual(['民法典与农村生活 1 场，受众 35 人次']);

  expect(figure('民法典答题', '竞赛平均分')).toBe('85');
  expect(unit('民法典答题', '竞赛平均分')).toBe('分');
  // Rates against population, and the grid without one says so.
  expect(row('各社区（村）', '朝天咀社区')).toEqual(['朝天咀社区答卷 2 份 · 人口 1000', '2', '85', '0.2%']);
  expect(row('各网格', '朝天咀社区第一网格')).toEqual(['朝天咀社区第一网格答卷 1 份', '1', '80', '未配置人口']);
  // The paper without a grid is in the community's row but in no grid's, and the page says so.
  expect(section('民法典答题').getByText('参与率为参赛人数占人口的百分比。未填网格的参赛者 1 人：已计入社区表，未计入网格表。')).toBeTruthy();
  expect(figure('民法典答题', '每日一练')).toBe('0');

  // The monthly line ends with this month, its number written over its dot.
  const month = Number(today.slice(5, 7));
  const line = screen.getByLabelText(/^每月反馈：/);
  expect(line.getAttribute('aria-label')).toMatch(new RegExp(`${month}月 3 条$`));
  expect(line.querySelectorAll('.line-chart__point')).toHaveLength(month);
  choose('逐月指标', '宣传活动');
  expect(screen.getByLabelText(/^每月宣传活动：/).getAttribute('aria-label')).toMatch(new RegExp(`${month}月 1 场$`));
});

test('another period or a community asks the server again and shows its figures', async () => {
  await openDashboard();
  const request = jest.spyOn(Taro, 'request');

  choose('统计期间', '上月');
  await waitFor(() => expect(figure('执法监督反馈', '收到反馈')).toBe('0'), answered);
  expect(inForce()).toBe(`${lastMonth.from} 至 ${lastMonth.to} · 全镇（按北京时间）`);
  expect(request).toHaveBeenCalledWith(expect.objectContaining({ url: `${server.apiBase}/staff/dashboard?from=${lastMonth.from}&to=${lastMonth.to}` }));
  expect(figure('法治宣传活动', '开展活动')).toBe('0');
  expect(screen.getByLabelText(/^每月反馈：/).querySelectorAll('.line-chart__point')).toHaveLength(1);

  choose('统计期间', '本年');
  choose('社区（村）', '朝天咀社区');
  await waitFor(() => expect(inForce()).toBe(`${year}-01-01 至 ${today} · 朝天咀社区（按北京时间）`));
  expect(request).toHaveBeenLastCalledWith(
    expect.objectContaining({ url: `${server.apiBase}/staff/dashboard?from=${year}-01-01&to=${today}&community=chaotianzui` }),
  );
  await waitFor(() => expect(screen.getByText('每日一练不记社区，只在全镇范围统计。')).toBeTruthy(), answered);
  expect(figure('执法监督反馈', '收到反馈')).toBe('3');
  expect(screen.queryByLabelText('每日一练')).toBeNull();
  // The opinions follow the community; the activities, logged against a unit, stay the town's, and the page says so.
  expect(figure('执法监督员', '现场参加执法活动')).toBe('1');
  expect(section('执法监督员').getByText('执法活动不分社区，为全镇数')).toBeTruthy();
});

test('a custom period ending before it starts is refused in the schema’s words; nothing is asked and the figures stay', async () => {
  await openDashboard();
  choose('统计期间', '自定义');
  // 自定义 starts from the period on screen.
  expect(screen.getByLabelText('开始日期').textContent).toBe(`${year}-01-01`);
  expect(screen.getByLabelText('结束日期').textContent).toBe(today);

  const request = jest.spyOn(Taro, 'request');
  await pickByRolling('结束日期', 0, -1);
  expect(screen.getByLabelText('结束日期').textContent).toBe(`${Number(year) - 1}${today.slice(4)}`);
  expect((await screen.findByRole('alert')).textContent).toBe('结束日期不能早于开始日期');
  expect(request).not.toHaveBeenCalled();
  expect(inForce()).toBe(`${year}-01-01 至 ${today} · 全镇（按北京时间）`);
  expect(figure('执法监督反馈', '收到反馈')).toBe('3');

  // Put right, the period applies: 1 January last year to this day last year, which holds nothing seeded here.
  await pickByRolling('开始日期', 0, -1);
  await waitFor(() => expect(inForce()).toBe(`${Number(year) - 1}-01-01 至 ${Number(year) - 1}${today.slice(4)} · 全镇（按北京时间）`));
  expect(screen.queryByRole('alert')).toBeNull();
  await waitFor(() => expect(figure('执法监督反馈', '收到反馈')).toBe('0'), answered);
});

test('the period’s enforcement activities open under the supervisors’ figures, newest first, each with who logged it and what they saw', async () => {
  // Logged last month by a second supervisor: 上月 holds these two and not today's.
  const now = new Date();
  const supervisor = await createSupervisor(server.db(), { name: '李监督', certificateNo: 'BS-2026-002', termStart: '2020-01-01', termEnd: '2099-12-31' }, now);
  const { code } = await issueBindingCode(server.db(), 'supervisor', supervisor.id, now);
  const phone = await server.guestToken();
  await server.api('POST', '/me/bind', phone, { code });
  const log = (date: string, unit: string, place: string | null, observation: string) =>
    server.api('POST', '/supervision/activities', phone, { clientId: randomUUID(), date, unit, place, observation });
  await log(lastMonth.from, '区市场监管局', '白沙镇农贸市场', '检查农贸市场计量器具，当场送检两台电子秤。');
  await log(lastMonth.to, '区交通执法支队', null, '货车超限检查，执法人员现场称重并出具了文书。');

  await openDashboard();
  choose('统计期间', '上月');
  await waitFor(() => expect(figure('执法监督员', '现场参加执法活动')).toBe('2'), answered);
  // Closed at first: nothing is asked for until the office opens it.
  const request = jest.spyOn(Taro, 'request');
  expect(screen.queryByLabelText('执法活动记录')).toBeNull();
  fireEvent.click(section('执法监督员').getByText('查看执法活动记录（2 次）'));
  const records = await screen.findByLabelText('执法活动记录', {}, answered);
  expect(request).toHaveBeenCalledWith(
    expect.objectContaining({ url: `${server.apiBase}/staff/supervision/activities?from=${lastMonth.from}&to=${lastMonth.to}` }),
  );
  const entries = within(records).getAllByRole('listitem');
  expect(entries.map((entry) => entry.getAttribute('aria-label'))).toEqual([`${lastMonth.to} 李监督`, `${lastMonth.from} 李监督`]);
  expect([...entries[0].children].map((line) => line.textContent)).toEqual([
    `${lastMonth.to} · 李监督`,
    '区交通执法支队',
    '货车超限检查，执法人员现场称重并出具了文书。',
  ]);
  expect([...entries[1].children].map((line) => line.textContent)).toEqual([
    `${lastMonth.from} · 李监督`,
    '区市场监管局 · 白沙镇农贸市场',
    '检查农贸市场计量器具，当场送检两台电子秤。',
  ]);

  fireEvent.click(section('执法监督员').getByText('收起执法活动记录'));
  expect(screen.queryByLabelText('执法活动记录')).toBeNull();
});
