import { parseLocalDate } from '@core/shared/shanghai-time';
import type { CivilCodeContents, ContentsChapter } from './api/civil-code-api';

/** 第 1–11 条, or 第 1260 条 for a chapter of one article. */
export function articleRangeLabel({ firstArticle, lastArticle }: Pick<ContentsChapter, 'firstArticle' | 'lastArticle'>): string {
  return firstArticle === lastArticle ? `第 ${firstArticle} 条` : `第 ${firstArticle}–${lastArticle} 条`;
}

/** 2021年1月1日起施行 */
export function effectiveLabel(date: string): string {
  const { year, month, day } = parseLocalDate(date);
  return `${year}年${month}月${day}日起施行`;
}

export interface ChapterPlace {
  book: string;
  chapter: ContentsChapter;
}

/** The book and chapter holding article `no`, by the chapters' article ranges. */
export function chapterOfArticle(contents: CivilCodeContents, no: number): ChapterPlace | undefined {
  for (const book of contents.books) {
    const chapter = book.chapters.find((c) => c.firstArticle <= no && no <= c.lastArticle);
    if (chapter) return { book: book.title, chapter };
  }
  return undefined;
}

export function chapterCount(contents: CivilCodeContents): number {
  return contents.books.reduce((count, book) => count + book.chapters.length, 0);
}

/** The Code's articles are numbered through from 1: the last chapter's last article is their count. */
export function articleCount(contents: CivilCodeContents): number {
  const lastBook = contents.books[contents.books.length - 1];
  return lastBook.chapters[lastBook.chapters.length - 1].lastArticle;
}

/** A book's chapters in runs of the same 分编 (null for books without 分编). */
export function chaptersByPart(chapters: readonly ContentsChapter[]): { part: string | null; chapters: ContentsChapter[] }[] {
  const runs: { part: string | null; chapters: ContentsChapter[] }[] = [];
  for (const chapter of chapters) {
    const last = runs[runs.length - 1];
    if (last && last.part === chapter.part) last.chapters.push(chapter);
    else runs.push({ part: chapter.part, chapters: [chapter] });
  }
  return runs;
}

export interface TextPart {
  text: string;
  /** One of the words searched for, to be marked. */
  hit: boolean;
}

const EXCERPT_LENGTH = 60;

/**
 * A search result's excerpt of about 60 characters, from a little before the first word found, cut into
 * parts so that the words searched for can be marked.
 */
export function excerptParts(text: string, words: readonly string[]): TextPart[] {
  const flat = text.replace(/\n/g, ' ');
  const found = words.filter(Boolean);
  const first = Math.min(...found.map((word) => flat.indexOf(word)).filter((at) => at >= 0));
  const start = Number.isFinite(first) ? Math.max(0, first - 10) : 0;
  const excerpt = `${start > 0 ? '…' : ''}${flat.slice(start, start + EXCERPT_LENGTH)}${start + EXCERPT_LENGTH < flat.length ? '…' : ''}`;
  if (found.length === 0) return [{ text: excerpt, hit: false }];
  const pattern = new RegExp(`(${found.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`);
  return excerpt
    .split(pattern)
    .filter(Boolean)
    .map((part) => ({ text: part, hit: found.includes(part) }));
}
