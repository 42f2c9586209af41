import { arrangeQuestion } from '@core/quiz/contest-draw';
import type { ReviewedAnswer } from '@core/quiz/schemas';
import { isCorrect } from '@core/quiz/scoring';
import type { LawTexts } from './law-texts';
import { toQuizQuestion, type StoredQuestion } from './question-bank';

/**
 * One answered question as the person reviews it: their choice and the right answer in the order the
 * options were shown (`optionOrder[shown] = index in the bank`; bank order when absent), whether it
 * was right, the explanation, and the full text of every article it cites, so the phone can show them.
 */
export function reviewedAnswer(
  question: StoredQuestion,
  chosenShownOrder: readonly number[],
  optionOrder: readonly number[] | undefined,
  lawTexts: LawTexts,
): ReviewedAnswer {
  const shown = optionOrder ? arrangeQuestion(question, optionOrder) : question;
  const chosen = [...chosenShownOrder].sort((a, b) => a - b);
  const law = lawTexts[question.law];
  return {
    question: toQuizQuestion(question, optionOrder),
    chosen,
    answer: [...shown.answer].sort((a, b) => a - b),
    correct: isCorrect(shown, chosen),
    explanation: question.explanation,
    articles: question.articles.flatMap((no) => {
      const article = law.articles.get(no);
      return article ? [{ law: question.law, no, label: article.label, text: article.text }] : [];
    }),
  };
}
