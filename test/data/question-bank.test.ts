import fs from 'node:fs';
import path from 'node:path';
import {
  QuestionBankFileSchema,
  numbersIn,
  questionProblems,
  type ArticleText,
  type Question,
} from '../../src/core/quiz/question';

const dataDir = path.resolve(__dirname, '..', '..', 'data');
const bankDir = path.join(dataDir, 'questions', 'civil-code');

interface LawArticle {
  no: number;
  label: string;
  text: string;
}
interface LawChapter {
  title: string | null;
  articles?: LawArticle[];
  sections?: { articles: LawArticle[] }[];
}

function civilCodeArticles(): Map<number, ArticleText> {
  const code = JSON.parse(fs.readFileSync(path.join(dataDir, 'civil-code.json'), 'utf8'));
  const articles = new Map<number, ArticleText>();
  for (const book of code.books) {
    for (const chapter of book.chapters as LawChapter[]) {
      const inChapter = chapter.articles ?? (chapter.sections ?? []).flatMap((s) => s.articles);
      for (const a of inChapter) articles.set(a.no, { no: a.no, label: a.label, text: a.text });
    }
  }
  return articles;
}

const articles = civilCodeArticles();
const bankFiles = fs.existsSync(bankDir) ? fs.readdirSync(bankDir).filter((f) => f.endsWith('.json')) : [];
const questions: Question[] = bankFiles.flatMap((file) => {
  const parsed = QuestionBankFileSchema.safeParse(JSON.parse(fs.readFileSync(path.join(bankDir, file), 'utf8')));
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).slice(0, 10);
    throw new Error(`${file} does not fit the question format:\n${where.join('\n')}`);
  }
  return parsed.data.questions;
});

test('the Civil Code text is complete: 1260 articles, numbered without gaps', () => {
  expect(articles.size).toBe(1260);
  expect([...articles.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 1260 }, (_, i) => i + 1));
});

test('the checker catches an article that does not exist, an unnamed article and a number the law does not say', () => {
  const problems = questionProblems(
    {
      id: 'cc-check',
      type: 'single',
      stem: '八周岁以上的未成年人是什么民事行为能力人？',
      options: ['限制民事行为能力人', '九周岁'],
      answer: [1],
      explanation: '这是一段没有写明法条编号的解析文字，用来检验检查器。',
      articles: [19, 9999],
      difficulty: 1,
      tags: [],
    },
    articles,
  );
  expect(problems).toEqual([
    '引用的第 9999 条不存在',
    '解析没有写明所引的法条（如“第十九条”）',
    '正确选项中的“九”在所引法条中找不到',
  ]);
  expect(numbersIn('年满十八周岁，3年内，百分之二十，二十日')).toEqual(['十八', '3', '百分之二十', '二十']);
});

test('every question in the bank rests on articles that exist and say what its answer says', () => {
  const problems = questions.flatMap((q) => questionProblems(q, articles).map((p) => `${q.id}: ${p}`));
  expect(problems).toEqual([]);
});

test('no two questions share an id or a stem', () => {
  const normalise = (stem: string) => stem.replace(/[\s，。？！、：；“”（）,.?!:;()"]/g, '');
  const ids = questions.map((q) => q.id);
  const stems = questions.map((q) => normalise(q.stem));
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  expect(stems.filter((stem, i) => stems.indexOf(stem) !== i)).toEqual([]);
});
