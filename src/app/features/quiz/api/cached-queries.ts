import { DailyQuizSchema, PracticeScopesSchema, type DailyQuiz } from '@core/quiz/schemas';
import { shanghaiDateOf } from '@core/shared/shanghai-time';
import { useCachedQuery } from '../../../shared/hooks/use-cached-query';
import { fetchDailyQuiz, fetchPracticeScopes, type PracticeScopes } from './quiz-api';

/** Today's 每日一练; a copy kept from an earlier day is no copy. */
export function useDailyQuiz() {
  return useCachedQuery<DailyQuiz>({
    cacheKey: 'quiz.daily',
    load: fetchDailyQuiz,
    readCache: (stored) => {
      const parsed = DailyQuizSchema.safeParse(stored);
      return parsed.success && parsed.data.date === shanghaiDateOf(new Date()) ? parsed.data : null;
    },
  });
}

/** The books and chapters to practise, with their question counts, and how many questions my 错题本 holds. */
export function usePracticeScopes() {
  return useCachedQuery<PracticeScopes>({
    cacheKey: 'quiz.scopes',
    load: fetchPracticeScopes,
    readCache: (stored) => {
      const parsed = PracticeScopesSchema.safeParse(stored);
      return parsed.success ? parsed.data : null;
    },
  });
}
