import type { FastifyInstance } from 'fastify';
import { quizContract } from '@core/quiz/contract';
import { LAWS, type Law } from '@core/quiz/question';
import { scoreAnswers } from '@core/quiz/scoring';
import { AppError } from '../../shared/app-error';
import { newId } from '../../shared/secrets';
import { addRoute } from '../../shared/route';
import type { LawTexts } from './law-texts';
import { findQuestion, loadQuestions, toQuizQuestion, type StoredQuestion } from './question-bank';
import { reviewedAnswer } from './reviewed';
import { loadWrongBook, recordAnswer, residentId, wrongQuestionIds } from './wrong-book';

interface ScopeQuery {
  law: Law;
  book?: string;
  /** 1-based, in the law's order of chapters (the law API's numbering). */
  chapter?: number;
}

/** Which stored questions a practice scope holds; a book or chapter the law does not have is refused. */
function scopeFilter(lawTexts: LawTexts, { law, book, chapter }: ScopeQuery): (question: StoredQuestion) => boolean {
  const index = lawTexts[law];
  if (chapter !== undefined) {
    const place = index.chapters[chapter - 1];
    if (!place) throw new AppError(404, 'SCOPE_NOT_FOUND', `${index.title}没有序号为 ${chapter} 的章，请从目录重新选择`);
    if (book !== undefined && place.book !== book) throw new AppError(400, 'SCOPE_MISMATCH', `所选的章不在“${book}”中，请从目录重新选择`);
    return (question) => question.book === place.book && question.chapter === place.chapter;
  }
  if (book !== undefined) {
    if (!index.chapters.some((place) => place.book === book)) {
      throw new AppError(404, 'SCOPE_NOT_FOUND', `${index.title}没有“${book}”这一编，请从目录重新选择`);
    }
    return (question) => question.book === book;
  }
  return () => true;
}

function questionNotFound(): AppError {
  return new AppError(404, 'QUESTION_NOT_FOUND', '找不到这道题，它可能已经停用');
}

/** 专项练习, 错题本 and 纠错: a resident's own practice, one question at a time. */
export async function practiceRoutes(app: FastifyInstance, options: { lawTexts: LawTexts }): Promise<void> {
  const { lawTexts } = options;

  addRoute(app, quizContract.scopes, async ({ principal }) => {
    const userId = residentId(principal);
    const laws = [];
    for (const law of LAWS) {
      const index = lawTexts[law];
      const questions = await loadQuestions(app.db, { law });
      const chapters = index.chapters.map((place, i) => ({
        book: place.book,
        index: i + 1,
        // Only the Civil Code's 附则 has no chapters: it is named by its book.
        title: place.chapter ?? place.book ?? index.title,
        questionCount: questions.filter((q) => q.book === place.book && q.chapter === place.chapter).length,
      }));
      const books = [...new Set(index.chapters.map((place) => place.book))].map((book) => ({
        title: book,
        questionCount: questions.filter((q) => q.book === book).length,
        chapters: chapters.filter((c) => c.book === book && c.questionCount > 0).map(({ index: i, title, questionCount }) => ({ index: i, title, questionCount })),
      }));
      laws.push({ law, title: index.title, books: books.filter((book) => book.questionCount > 0) });
    }
    return { laws, wrongCount: (await wrongQuestionIds(app.db, userId)).size };
  });

  addRoute(app, quizContract.nextPractice, async ({ query, principal }) => {
    const userId = residentId(principal);
    const inScope = scopeFilter(lawTexts, query);
    const wrong = query.wrongOnly === '1' ? await wrongQuestionIds(app.db, userId) : undefined;
    const pool = (await loadQuestions(app.db, { law: query.law })).filter((q) => inScope(q) && (!wrong || wrong.has(q.id)));
    const seen = new Set((query.seen ?? '').split(',').map((id) => id.trim()));
    const unseen = pool.filter((q) => !seen.has(q.id));
    const next = unseen.length === 0 ? undefined : unseen[Math.floor(Math.random() * unseen.length)];
    return {
      question: next ? toQuizQuestion(next) : null,
      total: pool.length,
      // Not counting the one shown now.
      remaining: next ? unseen.length - 1 : 0,
    };
  });

  addRoute(app, quizContract.answerPractice, async ({ body, principal }) => {
    const userId = residentId(principal);
    const question = await findQuestion(app.db, body.questionId);
    if (!question || question.retired) throw questionNotFound();
    const scoring = scoreAnswers([question], [body]);
    if (!scoring.ok) throw new AppError(400, 'INVALID_ANSWERS', scoring.problems.map((p) => p.message).join('；'));
    const review = reviewedAnswer(question, body.chosen, undefined, lawTexts);
    await recordAnswer(app.db, userId, question.id, review.correct, app.now().toISOString());
    return review;
  });

  addRoute(app, quizContract.wrongBook, async ({ principal }) => loadWrongBook(app.db, residentId(principal), lawTexts));

  addRoute(app, quizContract.reportQuestion, async ({ params, body, principal }) => {
    const reporterId = residentId(principal);
    const question = await findQuestion(app.db, params.id);
    if (!question || question.retired) throw questionNotFound();
    // A retry of the same report (a bad network) files nothing new.
    const same = await app.db
      .selectFrom('questionReport')
      .select('id')
      .where('questionId', '=', question.id)
      .where('reporterId', '=', reporterId)
      .where('status', '=', 'open')
      .where('reason', '=', body.reason)
      .executeTakeFirst();
    if (!same) {
      await app.db
        .insertInto('questionReport')
        .values({ id: newId(), questionId: question.id, reporterId, reason: body.reason, reportedAt: app.now().toISOString(), status: 'open' })
        .execute();
    }
    return { ok: true as const };
  });
}
