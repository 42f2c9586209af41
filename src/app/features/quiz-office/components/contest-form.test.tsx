import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { addDays, shanghaiDateOf } from '@core/shared/shanghai-time';
import { useAppServer } from '../../../../../test/support/app-server';
import { settle, typeInField } from '../../../../../test/support/office-app';
import { pickByRolling } from '../../../../../test/support/picker';
import { ContestForm } from './contest-form';

const server = useAppServer({ keepStorage: true });
const { db } = server;

beforeAll(async () => {
  Taro.setStorageSync('auth.staff', await server.signInStaff('quiz.desk', '王科员', new Date()));
});

afterEach(() => jest.restoreAllMocks());

const button = (name: string) => screen.getByText(name, { selector: '.nut-button *, .nut-button' });
const contestsStored = async () => (await db().selectFrom('contest').select('id').execute()).length;

async function openForm() {
  render(<ContestForm />);
  await screen.findByText('第一编 总则');
  await settle();
}

test('each problem is written under its field, the window included, and nothing is created', async () => {
  await openForm();
  await typeInField('questionCount', '3');
  await typeInField('timeLimitMinutes', '0');
  await typeInField('attemptsAllowed', '11');
  fireEvent.click(button('发布竞赛'));
  expect(await screen.findByText('竞赛名称至少 2 个字')).toBeTruthy();
  expect(screen.getByText('题量至少 5 道')).toBeTruthy();
  expect(screen.getByText('时限至少 1 分钟')).toBeTruthy();
  expect(screen.getByText('最多允许答 10 次')).toBeTruthy();

  await typeInField('title', '民法典知识竞赛');
  await typeInField('questionCount', '10');
  await typeInField('timeLimitMinutes', '15');
  await typeInField('attemptsAllowed', '1');
  // The start a year later: after the end.
  await pickByRolling('开始日期', 0, 1);
  expect(screen.getByLabelText('开始日期').textContent).toBe(addDays(shanghaiDateOf(new Date()), 1).replace(/^\d{4}/, (year) => String(Number(year) + 1)));
  fireEvent.click(button('发布竞赛'));
  expect(await screen.findByText('结束时间应晚于开始时间')).toBeTruthy();
  expect(screen.queryByText('竞赛名称至少 2 个字')).toBeNull();
  expect(screen.queryByText(/确定发布吗/)).toBeNull();
  expect(await contestsStored()).toBe(0);
});

test('a contest the bank cannot fill is refused with the server’s reason; a good one goes out with its window as +08:00 instants', async () => {
  const books = await db()
    .selectFrom('quizQuestion')
    .select(['book', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('law', '=', 'civil-code')
    .where('retired', '=', 0)
    .groupBy('book')
    .execute();
  const small = books.map((b) => ({ title: b.book!, questions: Number(b.n) })).find((b) => b.questions < 50 && b.questions >= 10)!;
  const redirectTo = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' });

  await openForm();
  await typeInField('title', '民法典知识竞赛（网格员专场）');
  fireEvent.click(within(screen.getByLabelText('出题范围')).getByText(small.title));
  await typeInField('questionCount', '50');
  fireEvent.click(within(screen.getByLabelText('参赛对象')).getByText('网格员'));
  // The start an hour later than offered: 10:00.
  await pickByRolling('开始时间', 0, 1);
  expect(screen.getByLabelText('开始时间').textContent).toBe('10:00');
  fireEvent.click(button('发布竞赛'));
  const tomorrow = addDays(shanghaiDateOf(new Date()), 1);
  const dialog = await screen.findByText(/发布后不能修改，确定发布吗？/);
  expect(dialog.textContent).toContain(`每人 50 题（民法典（${small.title}））`);
  fireEvent.click(screen.getByText('确定发布'));
  expect(await screen.findByText(`所选各编共有 ${small.questions} 道题，不够每人抽 50 道`)).toBeTruthy();
  expect(await contestsStored()).toBe(0);

  await typeInField('questionCount', '10');
  fireEvent.click(button('发布竞赛'));
  fireEvent.click(await screen.findByText('确定发布'));
  await waitFor(() => expect(redirectTo).toHaveBeenCalled());
  const stored = await db().selectFrom('contest').selectAll().executeTakeFirstOrThrow();
  expect(redirectTo).toHaveBeenCalledWith({ url: `/staff/contest/index?id=${stored.id}` });
  expect(stored).toMatchObject({
    title: '民法典知识竞赛（网格员专场）',
    law: 'civil-code',
    questionCount: 10,
    timeLimitMinutes: 15,
    attemptsAllowed: 1,
    audience: 'grid_workers',
  });
  expect(JSON.parse(stored.books)).toEqual([small.title]);
  expect(Date.parse(stored.startsAt)).toBe(Date.parse(`${tomorrow}T10:00:00+08:00`));
  expect(Date.parse(stored.endsAt)).toBe(Date.parse(`${addDays(tomorrow, 7)}T18:00:00+08:00`));
});
