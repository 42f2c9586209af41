import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { ReviewedAnswer } from '@core/quiz/schemas';
import { useAppServer } from '../../../../../test/support/app-server';
import { ReviewedAnswerCard } from '../../../shared/ui/reviewed-answer-card';
import { ArticleView } from './article-view';

const server = useAppServer();
let token: string;

beforeEach(async () => {
  token = await server.signInResident();
});

afterEach(() => jest.restoreAllMocks());

const { db } = server;

/** Article texts keep their line breaks, which getByText's plain string would never match. */
const fullText = (text: string) => (_content: string, element: Element | null) => element?.textContent === text;

/** One question of a law answered in practice, as the server reviews it. */
async function reviewedAnswer(law: 'civil-code' | 'constitution'): Promise<ReviewedAnswer> {
  const question = await db().selectFrom('quizQuestion').select(['id', 'answer']).where('law', '=', law).orderBy('id').executeTakeFirstOrThrow();
  return server.api<ReviewedAnswer>('POST', '/quiz/practice/answers', token, { questionId: question.id, chosen: JSON.parse(question.answer) });
}

test('a Constitution article, which the law API does not serve, opens in full from the text the answer brought', async () => {
  const answer = await reviewedAnswer('constitution');
  const [article] = answer.articles;
  expect(article.law).toBe('constitution');
  const navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  render(<ReviewedAnswerCard answer={answer} />);
  expect(screen.getByText(`宪法 ${article.label}`)).toBeTruthy();
  fireEvent.click(screen.getByText(`阅读${article.label}全文 ›`));
  expect(navigateTo).toHaveBeenCalledWith({ url: `/packages/quiz/article/index?law=constitution&no=${article.no}` });

  cleanup();
  render(<ArticleView law="constitution" no={article.no} />);
  expect(screen.getByText(article.label)).toBeTruthy();
  expect(screen.getAllByText(fullText(article.text)).length).toBeGreaterThan(0);

  // Without that, the page says where to open it from rather than showing nothing.
  cleanup();
  render(<ArticleView law="constitution" no={article.no + 1} />);
  expect(screen.getByText('没有找到这一条')).toBeTruthy();
});
