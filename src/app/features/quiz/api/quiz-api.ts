import { lawContract } from '@core/law/contract';
import type { LawArticle } from '@core/law/schemas';
import { quizContract } from '@core/quiz/contract';
import type { DailyQuiz, DailyResult, ReviewedAnswer } from '@core/quiz/schemas';
import { callApi } from '../../../shared/api/api-client';
import { callAsResident } from '../../../shared/api/auth-session';

export type PracticeScopes = Awaited<ReturnType<typeof fetchPracticeScopes>>;
export type PracticeNext = Awaited<ReturnType<typeof fetchNextPractice>>;
export type WrongBook = Awaited<ReturnType<typeof fetchWrongBook>>;

/** What a practice sitting draws from: a law, and within it a book or a chapter, or only my wrong answers. */
export interface PracticeScope {
  law: 'civil-code' | 'constitution';
  book?: string;
  chapter?: number;
  wrongOnly?: boolean;
}

export function fetchDailyQuiz(): Promise<DailyQuiz> {
  return callAsResident(quizContract.daily);
}

export function submitDailyQuiz(answers: { questionId: string; chosen: number[] }[]): Promise<DailyResult> {
  return callAsResident(quizContract.submitDaily, { body: { answers } });
}

export function fetchPracticeScopes() {
  return callAsResident(quizContract.scopes);
}

export function fetchNextPractice(scope: PracticeScope, seen: readonly string[]) {
  return callAsResident(quizContract.nextPractice, {
    query: {
      law: scope.law,
      book: scope.book,
      chapter: scope.chapter,
      seen: seen.length ? seen.join(',') : undefined,
      wrongOnly: scope.wrongOnly ? '1' : undefined,
    },
  });
}

export function answerPractice(questionId: string, chosen: number[]): Promise<ReviewedAnswer> {
  return callAsResident(quizContract.answerPractice, { body: { questionId, chosen } });
}

export function fetchWrongBook() {
  return callAsResident(quizContract.wrongBook);
}

/** The Civil Code is public: its articles are read without signing in. */
export function fetchCivilCodeArticle(no: number): Promise<LawArticle> {
  return callApi(lawContract.article, { params: { no } });
}
