import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { LawArticle } from '@core/law/schemas';
import { useAppServer } from '../../../../../test/support/app-server';
import type { CivilCodeContents } from '../api/civil-code-api';
import { CivilCodeChapter } from './civil-code-chapter';

const server = useAppServer();

afterEach(() => jest.restoreAllMocks());

async function lawApi<T>(path: string): Promise<T> {
  const response = await fetch(`${server.apiBase}/law/civil-code${path}`);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

let contents: CivilCodeContents;
beforeAll(async () => {
  contents = await lawApi<CivilCodeContents>('');
});

const chapters = () => contents.books.flatMap((book) => book.chapters);
const chapterTitled = (book: string, title: string) => contents.books.find((b) => b.title === book)!.chapters.find((c) => c.title === title)!;

/** The contents as a reader opened before left them on the phone, so that what depends on them shows at once. */
const contentsKeptOnPhone = () => Taro.setStorageSync('law.civilCodeContents', contents);

test('a chapter shows every article in full under its 节, and marks and scrolls to the article come from', async () => {
  const family = chapterTitled('第五编 婚姻家庭', '第三章 家庭关系');
  const { articles } = await lawApi<{ articles: LawArticle[] }>(`/chapters/${family.index}`);
  const cameFrom = articles[3];
  const scrollTo = jest.spyOn(Taro, 'pageScrollTo');
  render(<CivilCodeChapter index={family.index} articleNo={cameFrom.no} />);

  await screen.findByText('第三章 家庭关系');
  expect(screen.getByText('民法典 · 第五编 婚姻家庭')).toBeTruthy();
  expect(screen.getByText(`第 ${family.firstArticle}–${family.lastArticle} 条，共 ${articles.length} 条`)).toBeTruthy();
  expect(screen.getByText('第一节 夫妻关系')).toBeTruthy();
  expect(screen.getByText('第二节 父母子女关系和其他近亲属关系')).toBeTruthy();
  const shown = [...document.querySelectorAll('.civil-chapter__article')].map((element) => ({
    label: element.querySelector('.civil-chapter__label')?.textContent,
    text: element.querySelector('.civil-chapter__text')?.textContent,
  }));
  expect(shown).toEqual(articles.map(({ label, text }) => ({ label, text })));

  const marked = [...document.querySelectorAll('.civil-chapter__article--marked')];
  expect(marked.map((element) => element.getAttribute('aria-label'))).toEqual([cameFrom.label]);
  await waitFor(() => expect(scrollTo).toHaveBeenCalledWith({ selector: `#article-${cameFrom.no}`, duration: 0 }));
  expect(marked[0].id).toBe(`article-${cameFrom.no}`);
});

test('上一章 and 下一章 step through the Code, as far as it goes', async () => {
  contentsKeptOnPhone();
  const redirectTo = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' });
  render(<CivilCodeChapter index={1} />);
  await screen.findByText('第一章 基本规定');
  expect(screen.queryByText('上一章')).toBeNull();
  fireEvent.click(screen.getByText('下一章'));
  expect(redirectTo).toHaveBeenLastCalledWith({ url: '/packages/quiz/civil-code-chapter/index?index=2' });

  cleanup();
  const last = chapters().length;
  render(<CivilCodeChapter index={last} />);
  await screen.findByText('第一千二百六十条');
  expect(screen.queryByText('下一章')).toBeNull();
  fireEvent.click(screen.getByText('上一章'));
  expect(redirectTo).toHaveBeenLastCalledWith({ url: `/packages/quiz/civil-code-chapter/index?index=${last - 1}` });
});

test('a chapter the Code does not have says so, and a page opened without one says where to choose it', async () => {
  render(<CivilCodeChapter index={chapters().length + 1} />);
  expect((await screen.findByRole('alert')).textContent).toContain('没有这一章，请从目录选择');

  cleanup();
  render(<CivilCodeChapter index={Number(undefined)} />);
  expect(screen.getByText('没有指明是哪一章')).toBeTruthy();
  expect(screen.getByText('请从民法典目录选择')).toBeTruthy();
});
