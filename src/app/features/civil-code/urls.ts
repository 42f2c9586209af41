import { PAGES } from '../../shared/pages';

/** A chapter's page; with `articleNo`, that article is marked and scrolled to. */
export function chapterUrl(index: number, articleNo?: number): string {
  return `${PAGES.quizCivilCodeChapter}?index=${index}${articleNo ? `&article=${articleNo}` : ''}`;
}

/** One article's page, the same that every quiz explanation opens. */
export function articleUrl(no: number): string {
  return `${PAGES.quizArticle}?law=civil-code&no=${no}`;
}
