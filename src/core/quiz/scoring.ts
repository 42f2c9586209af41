import type { Question } from './question';

/** What scoring needs of a question, with options and answer in the order the participant saw them. */
export type ScorableQuestion = Pick<Question, 'id' | 'type' | 'options' | 'answer'>;

export interface SubmittedAnswer {
  questionId: string;
  /** Indexes of the chosen options, in the order shown; empty when the question was left unanswered. */
  chosen: readonly number[];
}

export interface QuestionResult {
  questionId: string;
  chosen: number[];
  correct: boolean;
  /** Points this question earned: its share of 100 when right, else 0. */
  points: number;
}

export interface QuizScore {
  /** Out of 100, to one decimal. */
  score: number;
  correctCount: number;
  /** One per drawn question, in the paper's order; unanswered questions count as wrong. */
  results: QuestionResult[];
}

/** Something in a submission that cannot be scored; the whole submission is refused and nothing is recorded. */
export interface AnswerProblem {
  questionId: string;
  message: string;
}

export type ScoringResult = { ok: true; score: QuizScore } | { ok: false; problems: AnswerProblem[] };

const roundToTenth = (value: number) => Math.round(value * 10) / 10;

/** Each question's share of 100, to one decimal (5 questions: 20 points each). */
export function pointsPerQuestion(questionCount: number): number {
  return questionCount === 0 ? 0 : roundToTenth(100 / questionCount);
}

/**
 * Right only when the chosen options are exactly the answer: for 多选题 a partial choice is wrong,
 * and so is a 单选题 or 判断题 answered with more than one option.
 */
export function isCorrect(question: ScorableQuestion, chosen: readonly number[]): boolean {
  const chosenSet = new Set(chosen);
  return chosenSet.size === question.answer.length && question.answer.every((index) => chosenSet.has(index));
}

/**
 * Scores a submission against the questions drawn for it. Answers to questions that were not drawn,
 * answers given twice, and option numbers the question does not have are problems, not wrong answers:
 * they come from a tampered or confused client, and the server refuses the submission with a 4xx.
 */
export function scoreAnswers(questions: readonly ScorableQuestion[], answers: readonly SubmittedAnswer[]): ScoringResult {
  const positionOf = new Map(questions.map((question, index) => [question.id, index]));
  const chosenByQuestion = new Map<string, number[]>();
  const problems: AnswerProblem[] = [];

  for (const answer of answers) {
    const position = positionOf.get(answer.questionId);
    if (position === undefined) {
      problems.push({ questionId: answer.questionId, message: `题目 ${answer.questionId} 不是本次抽到的题，不能作答` });
      continue;
    }
    const label = `第 ${position + 1} 题`;
    if (chosenByQuestion.has(answer.questionId)) {
      problems.push({ questionId: answer.questionId, message: `${label}的答案提交了不止一次` });
      continue;
    }
    const optionCount = questions[position].options.length;
    const outOfRange = answer.chosen.filter((option) => !Number.isInteger(option) || option < 0 || option >= optionCount);
    if (outOfRange.length > 0) {
      problems.push({
        questionId: answer.questionId,
        message: `${label}没有编号为 ${outOfRange.join('、')} 的选项（应为 0–${optionCount - 1}）`,
      });
    } else if (new Set(answer.chosen).size !== answer.chosen.length) {
      problems.push({ questionId: answer.questionId, message: `${label}重复选择了同一个选项` });
    }
    chosenByQuestion.set(answer.questionId, [...answer.chosen].sort((a, b) => a - b));
  }
  if (problems.length > 0) return { ok: false, problems };

  const points = pointsPerQuestion(questions.length);
  const results = questions.map((question) => {
    const chosen = chosenByQuestion.get(question.id) ?? [];
    const correct = isCorrect(question, chosen);
    return { questionId: question.id, chosen, correct, points: correct ? points : 0 };
  });
  const correctCount = results.filter((result) => result.correct).length;
  // From the count rather than a sum of rounded points, so that all right is exactly 100 (3 questions: not 99.9).
  const score = questions.length === 0 ? 0 : Math.round((correctCount * 1000) / questions.length) / 10;
  return { ok: true, score: { score, correctCount, results } };
}
