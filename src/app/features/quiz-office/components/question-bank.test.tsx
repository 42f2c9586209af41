import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { useAppServer } from '../../../../../test/support/app-server';
import { settle, typeInTextBox, typeInto } from '../../../../../test/support/office-app';
import { QuestionBank } from './question-bank';
import { QuestionEditor } from './question-editor';

const server = useAppServer({ keepStorage: true });
const { db } = server;

beforeAll(async () => {
  Taro.setStorageSync('auth.staff', await server.signInStaff('quiz.desk', '王科员', new Date()));
});

afterEach(() => jest.restoreAllMocks());

const button = (name: string) => screen.getByText(name, { selector: '.nut-button *, .nut-button' });
const shownCount = () => screen.getByRole('status').textContent;
const listed = () => screen.queryAllByRole('listitem').map((row) => row.getAttribute('aria-label'));
const countOf = async (law?: 'civil-code' | 'constitution') => {
  let query = db().selectFrom('quizQuestion').select((eb) => eb.fn.countAll<number | string>().as('n'));
  if (law) query = query.where('law', '=', law);
  return Number((await query.executeTakeFirstOrThrow()).n);
};

function choose(group: string, choice: string) {
  fireEvent.click(within(screen.getByLabelText(group)).getByText(choice));
}

async function search(words: string) {
  await typeInto(document.querySelector('.nut-searchbar input')!, words);
  fireEvent.click(button('查询'));
}

test('the bank is searched by words or id, filtered by law, and paged twenty at a time', async () => {
  const [all, constitution] = [await countOf(), await countOf('constitution')];
  const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  render(<QuestionBank />);
  await waitFor(() => expect(shownCount()).toBe(`共 ${all} 道`));
  await settle();
  const firstPage = listed();
  expect(firstPage).toHaveLength(20);
  fireEvent.click(screen.getByText('2', { selector: '.nut-pagination *' }));
  await waitFor(() => expect(listed()[0]).not.toBe(firstPage[0]));
  expect(listed()).toHaveLength(20);

  choose('法律', '宪法');
  await waitFor(() => expect(shownCount()).toBe(`共 ${constitution} 道`));
  choose('法律', '全部');
  await waitFor(() => expect(shownCount()).toBe(`共 ${all} 道`));

  const question = await db().selectFrom('quizQuestion').select(['id', 'stem']).where('id', '=', 'cc-cg-001').executeTakeFirstOrThrow();
  await search('cc-cg-001');
  await waitFor(() => expect(listed()).toEqual(['题目 cc-cg-001']));
  const words = question.stem.slice(0, 12);
  await search(words);
  const withWords = await db().selectFrom('quizQuestion').select('id').where('stem', 'like', `%${words}%`).execute();
  await waitFor(() => expect(shownCount()).toBe(`共 ${withWords.length} 道`));
  expect(listed()).toContain('题目 cc-cg-001');

  fireEvent.click(within(screen.getByLabelText('题目 cc-cg-001')).getByText(question.stem));
  expect(navigateTo).toHaveBeenCalledWith({ url: '/staff/question/index?id=cc-cg-001' });
});

test('a question is checked before it is sent, the server’s own problems are shown, and a good edit is kept; it can be retired and restored', async () => {
  const stored = await db()
    .selectFrom('quizQuestion')
    .selectAll()
    .where('law', '=', 'civil-code')
    .where('type', '=', 'single')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const id = stored.id;
  const row = () => db().selectFrom('quizQuestion').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  render(<QuestionEditor id={id} />);
  await screen.findByText(`题目 ${id}`);
  await settle();
  expect(screen.getByText('题库原题')).toBeTruthy();

  await typeInTextBox(screen.getByLabelText('题干'), '太短了');
  fireEvent.click(button('保存修改'));
  expect(await screen.findByText('题干至少 8 个字')).toBeTruthy();
  expect(await row()).toEqual(stored);

  // Passes every check on the phone, but names no article: the server says so.
  const newStem = `${stored.stem}（修订）`;
  await typeInTextBox(screen.getByLabelText('题干'), newStem);
  const explanationBox = screen.getByLabelText('解析（写明所依据的法条，如“第一千零七十九条”）');
  await typeInTextBox(explanationBox, '这道题的说法来自法律规定，请对照原文仔细理解，再作判断。');
  fireEvent.click(button('保存修改'));
  expect((await screen.findByText(/^这道题还不能保存：/)).textContent).toContain('解析没有写明所引的法条');
  expect(screen.queryByText('题干至少 8 个字')).toBeNull();
  expect(await row()).toEqual(stored);

  await typeInTextBox(explanationBox, stored.explanation);
  fireEvent.click(button('保存修改'));
  await screen.findByText('已修改', { selector: '.nut-tag-text' });
  expect(await row()).toMatchObject({ stem: newStem, explanation: stored.explanation, source: 'edited', retired: 0 });

  fireEvent.click(button('停用这道题'));
  fireEvent.click(await screen.findByText('确定'));
  await screen.findByText('恢复使用');
  expect(screen.getByText('已停用', { selector: '.nut-tag-text' })).toBeTruthy();
  expect((await row()).retired).toBe(1);

  cleanup();
  render(<QuestionBank />);
  await screen.findByRole('status');
  await settle();
  choose('状态', '已停用');
  await waitFor(() => expect(listed()).toEqual([`题目 ${id}`]));
  cleanup();

  render(<QuestionEditor id={id} />);
  fireEvent.click(await screen.findByText('恢复使用'));
  fireEvent.click(await screen.findByText('确定'));
  await screen.findByText('停用这道题');
  expect((await row()).retired).toBe(0);
});
