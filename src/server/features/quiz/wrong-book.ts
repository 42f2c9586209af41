import type { Kysely } from 'kysely';
import { LAWS } from '@core/quiz/question';
import type { WrongBookSchema } from '@core/quiz/schemas';
import type * as z from 'zod/mini';
import type { DatabaseSchema } from '../../db/schema';
import { AppError } from '../../shared/app-error';
import type { Principal } from '../../shared/principal';
import type { LawTexts } from './law-texts';
import { findQuestions, toQuizQuestion } from './question-bank';

type Db = Kysely<DatabaseSchema>;

/** Quiz routes are open to people's roles only (the permission table); this narrows the type for what follows. */
export function residentId(principal: Principal): string {
  if (principal.kind !== 'user') throw new AppError(403, 'FORBIDDEN', '您没有权限进行这项操作');
  return principal.id;
}

/** 错题本: a wrong answer puts the question in (or counts once more), a right one takes it out. */
export async function recordAnswer(db: Db, userId: string, questionId: string, correct: boolean, at: string): Promise<void> {
  if (correct) {
    await db.deleteFrom('quizWrongAnswer').where('userId', '=', userId).where('questionId', '=', questionId).execute();
    return;
  }
  await db
    .insertInto('quizWrongAnswer')
    .values({ userId, questionId, wrongCount: 1, lastWrongAt: at })
    .onConflict((oc) =>
      oc.columns(['userId', 'questionId']).doUpdateSet((eb) => ({ wrongCount: eb('quizWrongAnswer.wrongCount', '+', 1), lastWrongAt: at })),
    )
    .execute();
}

/** Ids in my 错题本, retired questions left out: they are no longer practised. */
export async function wrongQuestionIds(db: Db, userId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('quizWrongAnswer')
    .innerJoin('quizQuestion', 'quizQuestion.id', 'quizWrongAnswer.questionId')
    .select('quizWrongAnswer.questionId')
    .where('quizWrongAnswer.userId', '=', userId)
    .where('quizQuestion.retired', '=', 0)
    .execute();
  return new Set(rows.map((row) => row.questionId));
}

/** Grouped by law and book in the law's order; within a book, the most recently missed first. */
export async function loadWrongBook(db: Db, userId: string, lawTexts: LawTexts): Promise<z.infer<typeof WrongBookSchema>> {
  const entries = await db
    .selectFrom('quizWrongAnswer')
    .select(['questionId', 'wrongCount', 'lastWrongAt'])
    .where('userId', '=', userId)
    .orderBy('lastWrongAt', 'desc')
    .orderBy('questionId')
    .execute();
  const questions = await findQuestions(db, entries.map((e) => e.questionId));
  const groups = LAWS.flatMap((law) => {
    const books = [...new Set(lawTexts[law].chapters.map((c) => c.book))];
    return books.map((book) => ({
      law,
      book,
      questions: entries.flatMap((entry) => {
        const question = questions.get(entry.questionId);
        if (!question || question.retired || question.law !== law || question.book !== book) return [];
        return [{ question: toQuizQuestion(question), wrongCount: entry.wrongCount, lastWrongAt: entry.lastWrongAt }];
      }),
    }));
  });
  return { groups: groups.filter((group) => group.questions.length > 0) };
}
