import * as z from 'zod/mini';

/** One quiz question as the bank files under data/questions hold it. */
export const QuestionSchema = z
  .object({
    id: z.string().check(z.regex(/^[a-z]+-[a-z0-9-]+$/, 'id 只能用小写字母、数字和连字符')),
    type: z.enum(['single', 'multiple', 'true_false']),
    stem: z.string().check(z.minLength(8, '题干至少 8 个字'), z.maxLength(300, '题干最多 300 字')),
    options: z.array(z.string().check(z.minLength(1), z.maxLength(120))).check(z.minLength(2), z.maxLength(6)),
    /** Indexes into `options` of the right answers. */
    answer: z.array(z.int().check(z.gte(0))).check(z.minLength(1)),
    explanation: z.string().check(z.minLength(20, '解析至少 20 个字'), z.maxLength(400, '解析最多 400 字')),
    /** Numbers of the articles the answer rests on, in the law the bank file is about. */
    articles: z.array(z.int().check(z.gte(1))).check(z.minLength(1, '每道题至少引用一条法条')),
    difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    tags: z.array(z.string()),
  })
  .check(
    z.refine((q) => q.answer.every((i) => i < q.options.length), { error: '答案指向了不存在的选项', path: ['answer'] }),
    z.refine((q) => new Set(q.answer).size === q.answer.length, { error: '答案有重复', path: ['answer'] }),
    z.refine((q) => q.type !== 'single' || q.answer.length === 1, { error: '单选题只能有一个答案', path: ['answer'] }),
    z.refine((q) => q.type !== 'multiple' || q.answer.length >= 2, { error: '多选题至少两个答案', path: ['answer'] }),
    z.refine((q) => q.type !== 'true_false' || (q.options.length === 2 && q.options[0] === '正确' && q.options[1] === '错误'), {
      error: '判断题的选项必须是“正确”“错误”',
      path: ['options'],
    }),
    z.refine((q) => new Set(q.options).size === q.options.length, { error: '选项有重复', path: ['options'] }),
  );
export type Question = z.infer<typeof QuestionSchema>;

/** The laws a bank file can be about: its questions cite that law's articles. */
export const LAWS = ['civil-code', 'constitution'] as const;
export type Law = (typeof LAWS)[number];

export const QuestionBankFileSchema = z.object({
  law: z.enum(LAWS),
  questions: z.array(QuestionSchema),
});
export type QuestionBankFile = z.infer<typeof QuestionBankFileSchema>;

/** The bank covers a law chapter by chapter: each chapter has at least this many questions. */
export const MIN_QUESTIONS_PER_CHAPTER = 3;

/** Tag for questions told as an everyday situation (邻居、房东、快递…) rather than "which article says". */
export const SITUATION_TAG = '情境';

export interface ArticleText {
  no: number;
  /** As the law writes it: 第一百零四条. */
  label: string;
  text: string;
}

const LawTextArticleSchema = z.object({ no: z.int().check(z.gte(1)), label: z.string(), text: z.string() });
const LawTextChapterSchema = z.object({
  /** Null only for the Civil Code's 附则, which is not divided into chapters. */
  title: z.nullable(z.string()),
  articles: z.optional(z.array(LawTextArticleSchema)),
  sections: z.optional(z.array(z.object({ title: z.string(), articles: z.array(LawTextArticleSchema) }))),
});
/** A law's text as data/ holds it: the Civil Code in books (编) of chapters, the Constitution in chapters. */
export const LawTextSchema = z.union([
  z.object({
    title: z.string(),
    books: z.array(z.object({ title: z.string(), chapters: z.array(LawTextChapterSchema) })),
  }),
  z.object({ title: z.string(), chapters: z.array(LawTextChapterSchema) }),
]);
export type LawText = z.infer<typeof LawTextSchema>;

/** Where an article sits: the Constitution has no books; the Civil Code's 附则 has no chapter. */
export interface LawPlace {
  book: string | null;
  chapter: string | null;
}
export type PlacedArticle = ArticleText & LawPlace;

export interface LawIndex {
  title: string;
  /** Every chapter in the law's order, the unit the bank's coverage is counted in. */
  chapters: LawPlace[];
  articles: ReadonlyMap<number, PlacedArticle>;
}

export function indexLaw(text: LawText): LawIndex {
  const books = 'books' in text ? text.books : [{ title: null, chapters: text.chapters }];
  const chapters: LawPlace[] = [];
  const articles = new Map<number, PlacedArticle>();
  for (const book of books) {
    for (const chapter of book.chapters) {
      const place = { book: book.title, chapter: chapter.title };
      chapters.push(place);
      const inChapter = chapter.articles ?? (chapter.sections ?? []).flatMap((section) => section.articles);
      for (const a of inChapter) articles.set(a.no, { no: a.no, label: a.label, text: a.text, ...place });
    }
  }
  return { title: text.title, chapters, articles };
}

/** A question belongs to the chapter of the first article it cites (the one its answer mainly rests on). */
export function placeOf(question: Question, law: LawIndex): LawPlace | undefined {
  const first = law.articles.get(question.articles[0]);
  return first && { book: first.book, chapter: first.chapter };
}

const ARTICLE_LABEL = /第[零一二三四五六七八九十百千]+条/g;
const NUMBER_WITH_UNIT = /百分之[零一二两三四五六七八九十百]+|[0-9]+(?:\.[0-9]+)?|[零一二两三四五六七八九十百千万]+(?=[周岁年日月个天倍%])/g;

/** The numbers an option states (八周岁, 三年, 20%): each must be found in a cited article. */
export function numbersIn(text: string): string[] {
  return text.match(NUMBER_WITH_UNIT) ?? [];
}

/**
 * What is wrong with one question against the law's text, in words an editor can act on: cited
 * articles must exist, the explanation must name one of them and no other article, and every number
 * in a right answer must appear in a cited article.
 */
export function questionProblems(question: Question, articles: ReadonlyMap<number, ArticleText>): string[] {
  const problems: string[] = [];
  const cited = question.articles.map((no) => articles.get(no));
  question.articles.forEach((no, i) => {
    if (!cited[i]) problems.push(`引用的第 ${no} 条不存在`);
  });
  if (!cited.some((a) => a && question.explanation.includes(a.label))) {
    problems.push(`解析没有写明所引的法条（如“${cited[0]?.label ?? '第N条'}”）`);
  }
  // The reader links the cited articles only: an article the explanation names must be one of them.
  const citedLabels = new Set(cited.map((a) => a?.label));
  for (const named of new Set(question.explanation.match(ARTICLE_LABEL) ?? [])) {
    if (!citedLabels.has(named)) problems.push(`解析提到的${named}不在所引法条中`);
  }
  const citedText = cited.map((a) => a?.text ?? '').join('\n');
  for (const index of question.answer) {
    for (const number of numbersIn(question.options[index] ?? '')) {
      if (!citedText.includes(number)) problems.push(`正确选项中的“${number}”在所引法条中找不到`);
    }
  }
  return problems;
}
