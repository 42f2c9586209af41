import * as z from 'zod/mini';
import { QuestionSchema, questionProblems, type Law, type Question } from '@core/quiz/question';
import type { LawTexts } from './law-texts';

const FIELD_LABELS: Record<string, string> = {
  id: '编号',
  type: '题型',
  stem: '题干',
  options: '选项',
  answer: '答案',
  explanation: '解析',
  articles: '法条',
  difficulty: '难度',
  tags: '标签',
};

/** Words for the checks QuestionSchema leaves without a message of its own (types, counts, enums). */
function fieldMessage(issue: z.core.$ZodRawIssue): string {
  const [field, item] = (issue.path ?? []) as PropertyKey[];
  const label = FIELD_LABELS[String(field)] ?? '题目';
  if (field === 'type') return '题型应为 single（单选）、multiple（多选）或 true_false（判断）';
  if (field === 'difficulty') return '难度应为 1、2 或 3';
  if (field === 'options' && item === undefined) {
    if (issue.code === 'too_small') return '选项至少 2 个';
    if (issue.code === 'too_big') return '选项最多 6 个';
  }
  if (field === 'options' && typeof item === 'number') {
    if (issue.code === 'too_small') return `第 ${item + 1} 个选项是空的`;
    if (issue.code === 'too_big') return `第 ${item + 1} 个选项超过 120 字`;
  }
  if (field === 'answer' && issue.code === 'too_small') return '没有给出答案';
  if (field === 'articles' && typeof item === 'number') return '法条应为正整数条号';
  return `${label}缺失或格式不对`;
}

/** The first problem of each field (named as in QuestionSchema), so that an editor sees each thing to fix once. */
function schemaProblems(candidate: unknown): { question: Question } | { problems: { field: string; message: string }[] } {
  const parsed = QuestionSchema.safeParse(candidate, { error: fieldMessage });
  if (parsed.success) return { question: parsed.data };
  const problems: { field: string; message: string }[] = [];
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (!problems.some((p) => p.field === field)) problems.push({ field, message: issue.message });
  }
  return { problems };
}

export interface LocatedProblem {
  /** Position in the list (0-based); the caller turns it into a file's question number or a sheet's row. */
  index: number;
  /** The question's id when it has one. */
  id: string | undefined;
  /** The field at fault when it is one field's format (QuestionSchema's names). */
  field?: string;
  message: string;
}

/** Same once spaces and punctuation are gone: the bank's rule for a stem that is already there. */
export function normalisedStem(stem: string): string {
  return stem.replace(/[\s，。？！、：；“”‘’（）,.?!:;()"']/g, '');
}

/**
 * Checks a list of questions about one law, as a bank file or an import holds them: each fits the
 * format and agrees with the law's text (questionProblems), and no id or stem appears twice.
 */
export function checkQuestionList(
  candidates: readonly unknown[],
  law: Law,
  lawTexts: LawTexts,
  /** How the source names a position in its list (第 3 题, 第 4 行), for a duplicate's first occurrence. */
  positionLabel: (index: number) => string,
): { questions: Question[]; problems: LocatedProblem[] } {
  const questions: Question[] = [];
  const problems: LocatedProblem[] = [];
  const firstWithId = new Map<string, number>();
  const firstWithStem = new Map<string, number>();
  candidates.forEach((candidate, index) => {
    const { id: rawId, stem: rawStem } = (candidate ?? {}) as { id?: unknown; stem?: unknown };
    const id = typeof rawId === 'string' ? rawId : undefined;
    // Repeats are found whether or not the questions are otherwise right: each is one more thing to fix.
    const sameId = id === undefined ? undefined : firstWithId.get(id);
    if (sameId !== undefined) problems.push({ index, id, field: 'id', message: `编号 ${id} 与${positionLabel(sameId)}重复` });
    else if (id !== undefined) firstWithId.set(id, index);
    const stem = typeof rawStem === 'string' && rawStem.trim() !== '' ? normalisedStem(rawStem) : undefined;
    const sameStem = stem === undefined ? undefined : firstWithStem.get(stem);
    if (sameStem !== undefined) problems.push({ index, id, field: 'stem', message: `题干与${positionLabel(sameStem)}相同` });
    else if (stem !== undefined) firstWithStem.set(stem, index);

    const checked = schemaProblems(candidate);
    if ('problems' in checked) {
      for (const { field, message } of checked.problems) problems.push({ index, id, field, message });
      return;
    }
    for (const message of questionProblems(checked.question, lawTexts[law].articles)) problems.push({ index, id, message });
    questions.push(checked.question);
  });
  return { questions, problems };
}
