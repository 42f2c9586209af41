import type { QuizQuestion } from '@core/quiz/schemas';

// How questions and scores read everywhere: in the daily quiz and practice, in contests, and in the office's bank.
export type Law = QuizQuestion['law'];

export const LAW_NAMES: Record<Law, string> = { 'civil-code': '民法典', constitution: '宪法' };

export const QUESTION_TYPE_LABELS: Record<QuizQuestion['type'], string> = {
  single: '单选题',
  multiple: '多选题',
  true_false: '判断题',
};

/** A, B, C … as the options are lettered on screen. */
export function optionLetter(index: number): string {
  return String.fromCharCode(65 + index);
}

/** The chosen options as letters (判断题 by their words): "B、C", or 未作答. */
export function choiceLabel(question: Pick<QuizQuestion, 'type' | 'options'>, chosen: readonly number[]): string {
  if (chosen.length === 0) return '未作答';
  const sorted = [...chosen].sort((a, b) => a - b);
  if (question.type === 'true_false') return sorted.map((index) => question.options[index] ?? '').join('、');
  return sorted.map(optionLetter).join('、');
}

/** Where a question sits: 民法典 · 第五编 婚姻家庭, or just 宪法. */
export function placeLabel(law: Law, book: string | null): string {
  return book ? `${LAW_NAMES[law]} · ${book}` : LAW_NAMES[law];
}

/** Out of 100, to one decimal at most: 80 分, 66.7 分 */
export function scoreLabel(score: number): string {
  return `${Number.isInteger(score) ? score : score.toFixed(1)} 分`;
}
