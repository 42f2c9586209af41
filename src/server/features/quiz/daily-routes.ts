import type { FastifyInstance } from 'fastify';
import type { Selectable } from 'kysely';
import { dailyDraw } from '@core/quiz/daily-draw';
import { quizContract } from '@core/quiz/contract';
import type { DailyResult } from '@core/quiz/schemas';
import { scoreAnswers } from '@core/quiz/scoring';
import { dailyStreak } from '@core/quiz/streak';
import { shanghaiDateOf, type LocalDate } from '@core/shared/shanghai-time';
import { dailyQuizItemId } from '@core/sharing/share-path';
import type { Database, QuizDailyTable } from '../../db/schema';
import { AppError } from '../../shared/app-error';
import { addRoute } from '../../shared/route';
import { attributionColumns, attributionFor } from '../sharing/attribution';
import type { LawTexts } from './law-texts';
import { findQuestions, loadQuestions, toQuizQuestion, type StoredQuestion } from './question-bank';
import { reviewedAnswer } from './reviewed';
import { recordAnswer, residentId } from './wrong-book';

/** 每日一练 draws from the Civil Code only: the town's publicity is about the 民法典. */
const DAILY_LAW = 'civil-code';

interface DailyChoice {
  questionId: string;
  chosen: number[];
}

/**
 * Today's set for one person: drawn on the first request of the day and kept, so that it stays the
 * same all day even if the office edits or retires questions meanwhile.
 */
async function todaysSet(db: Database, userId: string, date: LocalDate, now: Date): Promise<Selectable<QuizDailyTable>> {
  const find = () => db.selectFrom('quizDaily').selectAll().where('userId', '=', userId).where('date', '=', date).executeTakeFirst();
  const existing = await find();
  if (existing) return existing;
  const bank = await loadQuestions(db, { law: DAILY_LAW });
  const ids = dailyDraw(userId, date, bank.map((q) => q.id));
  // Two first requests at once draw the same set; whichever lands first is kept.
  await db
    .insertInto('quizDaily')
    .values({ userId, date, questionIds: JSON.stringify(ids), drawnAt: now.toISOString() })
    .onConflict((oc) => oc.columns(['userId', 'date']).doNothing())
    .execute();
  const stored = await find();
  if (!stored) throw new Error(`Daily set of ${date} could not be stored`);
  return stored;
}

async function questionsOf(db: Database, row: Selectable<QuizDailyTable>): Promise<StoredQuestion[]> {
  const ids = JSON.parse(row.questionIds) as string[];
  const found = await findQuestions(db, ids);
  return ids.flatMap((id) => found.get(id) ?? []);
}

async function streakOf(db: Database, userId: string, now: Date): Promise<number> {
  const done = await db.selectFrom('quizDaily').select('date').where('userId', '=', userId).where('submittedAt', 'is not', null).execute();
  return dailyStreak(
    done.map((row) => row.date),
    now,
  );
}

function resultOf(row: Selectable<QuizDailyTable>, questions: StoredQuestion[], streak: number, lawTexts: LawTexts): DailyResult {
  const choices = new Map((JSON.parse(row.results ?? '[]') as DailyChoice[]).map((c) => [c.questionId, c.chosen]));
  return {
    date: row.date,
    score: row.score ?? 0,
    correctCount: row.correctCount ?? 0,
    total: questions.length,
    streak,
    answers: questions.map((question) => reviewedAnswer(question, choices.get(question.id) ?? [], undefined, lawTexts)),
  };
}

export async function dailyRoutes(app: FastifyInstance, options: { lawTexts: LawTexts }): Promise<void> {
  const { lawTexts } = options;

  addRoute(app, quizContract.daily, async ({ principal }) => {
    const userId = residentId(principal);
    const now = app.now();
    const row = await todaysSet(app.db, userId, shanghaiDateOf(now), now);
    const questions = await questionsOf(app.db, row);
    const streak = await streakOf(app.db, userId, now);
    return {
      date: row.date,
      // Only the public fields: the answers must not reach the phone before it submits.
      questions: questions.map((question) => toQuizQuestion(question)),
      streak,
      result: row.submittedAt === null ? null : resultOf(row, questions, streak, lawTexts),
    };
  });

  addRoute(app, quizContract.submitDaily, async ({ body, principal }) => {
    const userId = residentId(principal);
    const now = app.now();
    const row = await todaysSet(app.db, userId, shanghaiDateOf(now), now);
    const alreadyDone = new AppError(409, 'DAILY_ALREADY_SUBMITTED', '今天已经答过了，明天再来');
    if (row.submittedAt !== null) throw alreadyDone;
    const questions = await questionsOf(app.db, row);
    const scoring = scoreAnswers(questions, body.answers);
    if (!scoring.ok) throw new AppError(400, 'INVALID_ANSWERS', scoring.problems.map((p) => p.message).join('；'));

    const at = now.toISOString();
    const { score, correctCount, results } = scoring.score;
    await app.db.transaction().execute(async (trx) => {
      // Attributed on submitting, not on drawing: the page draws the set while it reports the card's open.
      const attribution = await attributionFor(trx, userId, 'quiz', dailyQuizItemId(row.date));
      const submitted = await trx
        .updateTable('quizDaily')
        .set({
          results: JSON.stringify(results.map(({ questionId, chosen }) => ({ questionId, chosen }))),
          score,
          correctCount,
          submittedAt: at,
          ...attributionColumns(attribution),
        })
        .where('userId', '=', userId)
        .where('date', '=', row.date)
        .where('submittedAt', 'is', null)
        .executeTakeFirst();
      // Another request submitted in the meantime: one scored attempt a day.
      if (Number(submitted.numUpdatedRows) === 0) throw alreadyDone;
      for (const result of results) await recordAnswer(trx, userId, result.questionId, result.correct, at);
    });
    const stored = await app.db
      .selectFrom('quizDaily')
      .selectAll()
      .where('userId', '=', userId)
      .where('date', '=', row.date)
      .executeTakeFirstOrThrow();
    return resultOf(stored, questions, await streakOf(app.db, userId, now), lawTexts);
  });
}
