import fs from 'node:fs';
import * as z from 'zod/mini';
import { MAX_SEARCH_RESULTS, type LawArticle } from '@core/law/schemas';

const ArticleSchema = z.object({ no: z.int(), label: z.string(), text: z.string() });
const ChapterSchema = z.object({
  title: z.nullable(z.string()),
  part: z.nullable(z.string()),
  articles: z.optional(z.array(ArticleSchema)),
  sections: z.optional(z.array(z.object({ title: z.string(), articles: z.array(ArticleSchema) }))),
});
const CivilCodeFileSchema = z.object({
  title: z.string(),
  effective: z.string(),
  source: z.string(),
  books: z.array(z.object({ title: z.string(), chapters: z.array(ChapterSchema) })),
});

export interface CivilCode {
  contents: {
    title: string;
    effective: string;
    source: string;
    books: {
      title: string;
      chapters: { index: number; title: string; part: string | null; firstArticle: number; lastArticle: number }[];
    }[];
  };
  article: (no: number) => LawArticle | undefined;
  chapter: (index: number) => LawArticle[] | undefined;
  search: (query: string) => { articles: LawArticle[]; total: number };
}

const ARTICLE_NUMBER = /^第?\s*(\d{1,4})\s*条?$/;

/** The Code's text, read once and indexed: by number, by label (第一千零七十九条), by chapter. */
export function loadCivilCode(file: string): CivilCode {
  const code = CivilCodeFileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  const byNumber = new Map<number, LawArticle>();
  const byLabel = new Map<string, LawArticle>();
  const chapters: LawArticle[][] = [];
  const books = code.books.map((book) => ({
    title: book.title,
    chapters: book.chapters.map((chapter) => {
      const title = chapter.title ?? book.title;
      const sections = chapter.sections ?? [{ title: null, articles: chapter.articles ?? [] }];
      const articles = sections.flatMap((section) =>
        section.articles.map((a) => ({ ...a, book: book.title, chapter: title, section: section.title })),
      );
      for (const article of articles) {
        byNumber.set(article.no, article);
        byLabel.set(article.label, article);
      }
      chapters.push(articles);
      return {
        index: chapters.length,
        title,
        part: chapter.part,
        firstArticle: articles[0].no,
        lastArticle: articles[articles.length - 1].no,
      };
    }),
  }));
  const all = [...byNumber.values()].sort((a, b) => a.no - b.no);

  return {
    contents: { title: code.title, effective: code.effective, source: code.source, books },
    article: (no) => byNumber.get(no),
    chapter: (index) => chapters[index - 1],
    search: (query) => {
      const compact = query.replace(/\s/g, '');
      const numbered = ARTICLE_NUMBER.exec(compact);
      const exact = numbered
        ? byNumber.get(Number(numbered[1]))
        : byLabel.get(`第${compact.replace(/^第/, '').replace(/条$/, '')}条`);
      if (exact) return { articles: [exact], total: 1 };
      const words = query.split(/\s+/).filter(Boolean);
      const found = all.filter((a) => words.every((w) => a.text.includes(w)));
      return { articles: found.slice(0, MAX_SEARCH_RESULTS), total: found.length };
    },
  };
}
