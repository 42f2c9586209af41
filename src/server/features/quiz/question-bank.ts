import type { Kysely, Selectable } from 'kysely';
import { arrangeQuestion, toPublicQuestion } from '@core/quiz/contest-draw';
import type { Law, LawIndex, LawPlace, Question } from '@core/quiz/question';
import { placeOf } from '@core/quiz/question';
import type { QuizQuestion } from '@core/quiz/schemas';
import type { DatabaseSchema, QuizQuestionTable } from '../../db/schema';

export type QuestionSource = QuizQuestionTable['source'];

/** A question as the database keeps it: the bank's fields, where it sits in its law, and the office's flags. */
export type StoredQuestion = Question & {
  law: Law;
  book: string | null;
  chapter: string | null;
  retired: boolean;
  source: QuestionSource;
  updatedAt: string;
};

/** Both the connection and a transaction: question reads often sit inside a larger change. */
type Db = Kysely<DatabaseSchema>;

function fromRow(row: Selectable<QuizQuestionTable>): StoredQuestion {
  return {
    id: row.id,
    type: row.type,
    stem: row.stem,
    options: JSON.parse(row.options) as string[],
    answer: JSON.parse(row.answer) as number[],
    explanation: row.explanation,
    articles: JSON.parse(row.articles) as number[],
    difficulty: row.difficulty as Question['difficulty'],
    tags: JSON.parse(row.tags) as string[],
    law: row.law,
    book: row.book,
    chapter: row.chapter,
    retired: row.retired === 1,
    source: row.source,
    updatedAt: row.updatedAt,
  };
}

/** The columns a question's content fills; book and chapter follow its first cited article. */
export function questionColumns(question: Question, law: Law, index: LawIndex) {
  const place: LawPlace = placeOf(question, index) ?? { book: null, chapter: null };
  return {
    id: question.id,
    law,
    type: question.type,
    stem: question.stem,
    options: JSON.stringify(question.options),
    answer: JSON.stringify(question.answer),
    explanation: question.explanation,
    articles: JSON.stringify(question.articles),
    difficulty: question.difficulty,
    tags: JSON.stringify(question.tags),
    book: place.book,
    chapter: place.chapter,
  };
}

export interface QuestionFilter {
  law: Law;
  /** Book titles (第一编 总则 …); absent or empty means the whole law. */
  books?: readonly string[];
  /** Retired questions are never drawn; reviews of past answers still need them. */
  includeRetired?: boolean;
}

/** The stored questions of one law, in id order. */
export async function loadQuestions(db: Db, filter: QuestionFilter): Promise<StoredQuestion[]> {
  let query = db.selectFrom('quizQuestion').selectAll().where('law', '=', filter.law);
  if (filter.books && filter.books.length > 0) query = query.where('book', 'in', [...filter.books]);
  if (!filter.includeRetired) query = query.where('retired', '=', 0);
  const rows = await query.orderBy('id').execute();
  return rows.map(fromRow);
}

/** Questions by id, retired ones included (a past answer still shows its question); unknown ids are absent. */
export async function findQuestions(db: Db, ids: readonly string[]): Promise<Map<string, StoredQuestion>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('quizQuestion').selectAll().where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((row) => [row.id, fromRow(row)]));
}

export async function findQuestion(db: Db, id: string): Promise<StoredQuestion | undefined> {
  return (await findQuestions(db, [id])).get(id);
}

/**
 * What the phone may see before answering: the public fields (never the answer, explanation or
 * articles), options in the order shown, and where the question sits in its law.
 */
export function toQuizQuestion(question: StoredQuestion, optionOrder?: readonly number[]): QuizQuestion {
  const shown = toPublicQuestion(optionOrder ? arrangeQuestion(question, optionOrder) : question);
  return { ...shown, law: question.law, book: question.book, chapter: question.chapter };
}
