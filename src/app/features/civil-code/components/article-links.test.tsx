import { fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { useAppServer } from '../../../../../test/support/app-server';
import type { CivilCodeContents } from '../api/civil-code-api';
import { ArticleReaderLinks } from './article-links';

const server = useAppServer();

afterEach(() => jest.restoreAllMocks());

test('under an article: its chapter, with the article marked, and the whole Code', async () => {
  const contents = (await (await fetch(`${server.apiBase}/law/civil-code`)).json()) as CivilCodeContents;
  const divorce = contents.books.find((book) => book.title === '第五编 婚姻家庭')!.chapters.find((c) => c.title === '第四章 离婚')!;
  expect(divorce.firstArticle <= 1079 && 1079 <= divorce.lastArticle).toBe(true);
  const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  render(<ArticleReaderLinks no={1079} />);

  fireEvent.click(await screen.findByText('在目录中查看本章'));
  expect(screen.getByText('第五编 婚姻家庭 · 第四章 离婚')).toBeTruthy();
  expect(navigateTo).toHaveBeenLastCalledWith({ url: `/packages/quiz/civil-code-chapter/index?index=${divorce.index}&article=1079` });
  fireEvent.click(screen.getByText('民法典全文'));
  expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/quiz/civil-code/index' });
});

test('a number the Code does not have leads to the whole Code only', async () => {
  const contents = (await (await fetch(`${server.apiBase}/law/civil-code`)).json()) as CivilCodeContents;
  // Kept from an earlier visit: the contents are there from the first render.
  Taro.setStorageSync('law.civilCodeContents', contents);
  render(<ArticleReaderLinks no={1261} />);
  expect(screen.getByText('民法典全文')).toBeTruthy();
  expect(screen.queryByText('在目录中查看本章')).toBeNull();
});
