import Taro from '@tarojs/taro';
import type { ReviewedAnswer } from '@core/quiz/schemas';
import { PAGES } from './pages';

type CitedArticle = ReviewedAnswer['articles'][number];

// The law API serves the Civil Code only; the Constitution's articles come with the reviewed answer,
// so the article page finds them here, also after the app was closed and opened again.
const CONSTITUTION_KEY = 'quiz.articles.constitution';

type KeptArticles = Record<string, Pick<CitedArticle, 'label' | 'text'>>;

function keptArticles(): KeptArticles {
  const stored: unknown = Taro.getStorageSync(CONSTITUTION_KEY);
  return stored && typeof stored === 'object' ? (stored as KeptArticles) : {};
}

export function keptConstitutionArticle(no: number): Pick<CitedArticle, 'label' | 'text'> | null {
  return keptArticles()[String(no)] ?? null;
}

function articlePageUrl(article: Pick<CitedArticle, 'law' | 'no'>): string {
  return `${PAGES.quizArticle}?law=${article.law}&no=${article.no}`;
}

/** Opens a cited article in full. */
export function openArticle(article: CitedArticle): void {
  if (article.law === 'constitution') {
    Taro.setStorageSync(CONSTITUTION_KEY, { ...keptArticles(), [article.no]: { label: article.label, text: article.text } });
  }
  void Taro.navigateTo({ url: articlePageUrl(article) });
}
