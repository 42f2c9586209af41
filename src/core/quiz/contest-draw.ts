import * as z from 'zod/mini';
import { shuffled } from './daily-draw';
import type { Question } from './question';

/** A bank question with the Civil Code book its cited articles belong to (第一编 总则 …). */
export type QuestionInBook = Question & { book: string };

export interface ContestDrawRules {
  /** The books the contest draws from, as the law's contents name them. */
  books: readonly string[];
  /** Questions each participant gets. */
  questionCount: number;
}

/**
 * One drawn question as the server keeps it for an attempt: which question, and in which order its
 * options were shown (`optionOrder[shown] = index in the bank`). Enough to show it again and to score it.
 */
export interface PaperEntry {
  questionId: string;
  optionOrder: number[];
}

export type ContestDrawResult = { ok: true; paper: PaperEntry[] } | { ok: false; message: string };

/** What the phone may receive before submitting: no answer, no explanation, no cited articles. */
export const PublicQuestionSchema = z.object({
  id: z.string(),
  type: z.enum(['single', 'multiple', 'true_false']),
  stem: z.string(),
  options: z.array(z.string()),
});
export type PublicQuestion = z.infer<typeof PublicQuestionSchema>;

export function questionsInBooks(bank: readonly QuestionInBook[], books: readonly string[]): QuestionInBook[] {
  return bank.filter((question) => books.includes(question.book));
}

/** Why a contest cannot be drawn as configured (for a 4xx when staff create it, or when the bank shrank since), or null. */
export function contestDrawProblem(bank: readonly QuestionInBook[], rules: ContestDrawRules): string | null {
  if (!Number.isInteger(rules.questionCount) || rules.questionCount < 1) return '每人抽题数应为正整数';
  if (rules.books.length === 0) return '请至少选择一编';
  const available = questionsInBooks(bank, rules.books).length;
  if (available < rules.questionCount) {
    return `所选各编共有 ${available} 道题，不够每人抽 ${rules.questionCount} 道`;
  }
  return null;
}

/**
 * One participant's own paper: `questionCount` questions from the chosen books, in random order, each
 * with its options in random order. 判断题 keep 正确 before 错误, as everywhere else. The server passes a
 * random stream the participant cannot predict, and stores the paper with the attempt.
 */
export function drawContestPaper(
  bank: readonly QuestionInBook[],
  rules: ContestDrawRules,
  random: () => number,
): ContestDrawResult {
  const problem = contestDrawProblem(bank, rules);
  if (problem) return { ok: false, message: problem };
  // Sorted first, so that the same stream gives the same paper whatever order the bank was read in.
  const candidates = questionsInBooks(bank, rules.books).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const paper = shuffled(candidates, random)
    .slice(0, rules.questionCount)
    .map((question) => {
      const bankOrder = question.options.map((_, index) => index);
      return {
        questionId: question.id,
        optionOrder: question.type === 'true_false' ? bankOrder : shuffled(bankOrder, random),
      };
    });
  return { ok: true, paper };
}

/** The question as this participant sees it: options in their order, the answer pointing into that order. */
export function arrangeQuestion(question: Question, optionOrder: readonly number[]): Question {
  const isPermutation =
    optionOrder.length === question.options.length &&
    [...optionOrder].sort((a, b) => a - b).every((index, position) => index === position);
  if (!isPermutation) throw new RangeError(`Option order ${optionOrder.join(',')} does not fit question ${question.id}`);
  return {
    ...question,
    options: optionOrder.map((index) => question.options[index]),
    answer: question.answer.map((index) => optionOrder.indexOf(index)).sort((a, b) => a - b),
  };
}

/** Only the listed fields are copied, so that a field added to questions later never reaches the phone by accident. */
export function toPublicQuestion(question: Question): PublicQuestion {
  return { id: question.id, type: question.type, stem: question.stem, options: [...question.options] };
}
