import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { LawArticle } from '@core/law/schemas';
import { useAppServer } from '../../../../../test/support/app-server';
import { settle, typeInto } from '../../../../../test/support/office-app';
import type { CivilCodeContents } from '../api/civil-code-api';
import { CivilCodeReader } from './civil-code-reader';

const server = useAppServer();

afterEach(() => jest.restoreAllMocks());

/** What the law API answers, read straight from the server: the law is public. */
async function lawApi<T>(path: string): Promise<T> {
  const response = await fetch(`${server.apiBase}/law/civil-code${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

const searchFor = (q: string) => lawApi<{ articles: LawArticle[]; total: number }>(`/search?q=${encodeURIComponent(q)}`);

async function search(words: string) {
  await typeInto(document.querySelector('.article-search .nut-searchbar input')!, words);
  fireEvent.click(screen.getByText('查找'));
}

const listedLabels = () =>
  [...document.querySelectorAll('.article-search__item .nut-cell-title')].map((title) => title.textContent);

async function openedReader() {
  render(<CivilCodeReader />);
  await screen.findByText('第五编 婚姻家庭');
  await settle();
}

test('the contents list each book’s chapters, under their 分编, with their article numbers; a chapter opens in full', async () => {
  const contents = await lawApi<CivilCodeContents>('');
  const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  await openedReader();
  expect(screen.getByText('2021年1月1日起施行 · 共 1260 条')).toBeTruthy();
  const books = [...document.querySelectorAll('.civil-code__book')].map((title) => title.textContent);
  expect(books).toEqual(contents.books.map((book) => book.title));

  const marriage = contents.books.find((book) => book.title === '第五编 婚姻家庭')!;
  const divorce = marriage.chapters.find((chapter) => chapter.title === '第四章 离婚')!;
  fireEvent.click(screen.getByText(marriage.title));
  await settle();
  const marriageItem = screen.getByText(marriage.title).closest('.nut-collapse-item') as HTMLElement;
  expect(within(marriageItem).getByText(`${marriage.chapters.length} 章`)).toBeTruthy();
  const divorceCell = within(marriageItem).getByText(divorce.title).closest('.civil-code__chapter') as HTMLElement;
  expect(within(divorceCell).getByText(`第 ${divorce.firstArticle}–${divorce.lastArticle} 条`)).toBeTruthy();
  fireEvent.click(divorceCell);
  expect(navigateTo).toHaveBeenLastCalledWith({ url: `/packages/quiz/civil-code-chapter/index?index=${divorce.index}` });

  // 合同编's chapters stand under its two 分编.
  fireEvent.click(screen.getByText('第三编 合同'));
  await settle();
  const contracts = screen.getByText('第三编 合同').closest('.nut-collapse-item') as HTMLElement;
  expect(within(contracts).getByText('第一分编 通则')).toBeTruthy();
  expect(within(contracts).getByText('第二分编 典型合同')).toBeTruthy();
});

test('an article is found by its number, in figures or as the law writes it, and opens on the article page', async () => {
  const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  await openedReader();

  await search('1079');
  expect((await screen.findByRole('status')).textContent).toBe('找到 1 条');
  expect(listedLabels()).toEqual(['第一千零七十九条']);
  // While results are shown they take the contents' place.
  expect(screen.queryByText('第五编 婚姻家庭')).toBeNull();
  fireEvent.click(screen.getByText('第一千零七十九条'));
  expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/quiz/article/index?law=civil-code&no=1079' });

  fireEvent.click(screen.getByText('返回目录'));
  expect(await screen.findByText('第五编 婚姻家庭')).toBeTruthy();
  await search('第一千零七十九条');
  await waitFor(() => expect(listedLabels()).toEqual(['第一千零七十九条']));
  expect(screen.getByText('第五编 婚姻家庭 · 第四章 离婚')).toBeTruthy();
});

test('words find the articles holding all of them, each excerpt marking them; too many are capped and say so', async () => {
  await openedReader();
  const expected = await searchFor('离婚 子女');
  expect(expected.total).toBeGreaterThan(1);
  await search('离婚 子女');
  await waitFor(() => expect(listedLabels()).toEqual(expected.articles.map((article) => article.label)));
  expect(screen.getByRole('status').textContent).toBe(`找到 ${expected.total} 条`);
  const marked = [...document.querySelectorAll('.article-search__hit')].map((hit) => hit.textContent);
  expect(marked.length).toBeGreaterThanOrEqual(expected.total);
  expect(new Set(marked)).toEqual(new Set(['离婚', '子女']));

  const common = await searchFor('应当');
  expect(common.total).toBeGreaterThan(common.articles.length);
  await search('应当');
  await waitFor(() =>
    expect(screen.getByRole('status').textContent).toBe(
      `找到 ${common.total} 条，下面是前 ${common.articles.length} 条；多加几个词语可以找得更准`,
    ),
  );
  expect(listedLabels()).toHaveLength(common.articles.length);
});

test('an empty search is refused on the phone, and a search that finds nothing says what to try', async () => {
  const request = jest.spyOn(Taro, 'request');
  await openedReader();
  request.mockClear();
  await search('   ');
  expect((await screen.findByRole('alert')).textContent).toBe('请输入要查的条号或词语');
  expect(request).not.toHaveBeenCalled();

  await search('区块链');
  expect(await screen.findByText('没有找到相关法条')).toBeTruthy();
  expect(screen.queryByRole('alert')).toBeNull();
  await act(async () => {
    fireEvent.click(screen.getByText('返回目录'));
  });
  expect(screen.getByText('第五编 婚姻家庭')).toBeTruthy();
});
