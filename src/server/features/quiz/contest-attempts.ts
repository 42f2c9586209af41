import { randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import { arrangeQuestion, drawContestPaper, type PaperEntry } from '@core/quiz/contest-draw';
import type { Role } from '@core/identity/roles';
import type { Attempt, ContestResult } from '@core/quiz/schemas';
import { scoreAnswers, type SubmittedAnswer } from '@core/quiz/scoring';
import type { ContestAttemptTable, Database } from '../../db/schema';
import { AppError } from '../../shared/app-error';
import { newId } from '../../shared/secrets';
import { isUniqueViolation } from '../../shared/unique-violation';
import { attributionColumns, attributionFor } from '../sharing/attribution';
import { standingOf } from './contest-ranking';
import { booksOf, contestBank, gridWorkerGrid, participantCounts, refusalToStart, type ContestRow } from './contest-store';
import type { LawTexts } from './law-texts';
import { findQuestions, toQuizQuestion, type StoredQuestion } from './question-bank';
import { reviewedAnswer } from './reviewed';

/** A paper the phone submits at its deadline still counts if it arrives this much later: the network's share. */
export const SUBMISSION_GRACE_MS = 10_000;

type AttemptRow = Selectable<ContestAttemptTable>;

/** 48 random bits from the operating system per number: nobody can work out someone's paper from another's. */
function unpredictableRandom(): number {
  return randomBytes(6).readUIntBE(0, 6) / 2 ** 48;
}

function isOpen(attempt: Pick<AttemptRow, 'submittedAt' | 'deadlineAt'>, now: Date): boolean {
  return attempt.submittedAt === null && now.getTime() <= Date.parse(attempt.deadlineAt) + SUBMISSION_GRACE_MS;
}

function attemptNotFound(): AppError {
  return new AppError(404, 'ATTEMPT_NOT_FOUND', '找不到这份答卷');
}

function alreadySubmitted(): AppError {
  return new AppError(409, 'ATTEMPT_SUBMITTED', '这份答卷已经交过了，不能重复交卷');
}

function tooLate(): AppError {
  return new AppError(409, 'ATTEMPT_LATE', '已超过答题时限，本次答卷不计成绩');
}

/** This person's attempts at one contest, in the order they were started. */
export async function myAttempts(db: Database, contestId: string, userId: string): Promise<AttemptRow[]> {
  return db
    .selectFrom('contestAttempt')
    .selectAll()
    .where('contestId', '=', contestId)
    .where('userId', '=', userId)
    .orderBy('seq')
    .execute();
}

export function openAttemptOf(attempts: readonly AttemptRow[], now: Date): AttemptRow | undefined {
  return attempts.find((attempt) => isOpen(attempt, now));
}

function paperOf(attempt: Pick<AttemptRow, 'paper'>): PaperEntry[] {
  return JSON.parse(attempt.paper) as PaperEntry[];
}

/** The paper's questions as stored now, in the paper's order; retired ones included, for they were drawn. */
async function paperQuestions(db: Database, paper: readonly PaperEntry[]): Promise<StoredQuestion[]> {
  const found = await findQuestions(db, paper.map((entry) => entry.questionId));
  return paper.map((entry) => {
    const question = found.get(entry.questionId);
    if (!question) throw new Error(`Question ${entry.questionId} of a contest paper is no longer stored`);
    return question;
  });
}

/** The attempt as the phone gets it: the person's own questions in their option order, and no answers. */
async function toAttempt(db: Database, attempt: AttemptRow): Promise<Attempt> {
  const paper = paperOf(attempt);
  const questions = await paperQuestions(db, paper);
  return {
    attemptId: attempt.id,
    contestId: attempt.contestId,
    questions: questions.map((question, index) => toQuizQuestion(question, paper[index].optionOrder)),
    startedAt: attempt.startedAt,
    deadlineAt: attempt.deadlineAt,
  };
}

/**
 * Where the participant says they live: a configured community, and a grid of it if given. A grid
 * worker counts for their own grid whatever the form sent.
 */
async function placeOfParticipant(
  db: Database,
  userId: string,
  input: { communityId: string; gridId?: string | null },
): Promise<{ communityId: string; gridId: string | null }> {
  const ownGrid = await gridWorkerGrid(db, userId);
  if (ownGrid) return { communityId: ownGrid.communityId, gridId: ownGrid.gridId };
  const community = await db.selectFrom('community').select('id').where('id', '=', input.communityId).executeTakeFirst();
  if (!community) throw new AppError(400, 'COMMUNITY_NOT_FOUND', '所选社区或村不存在，请重新选择');
  if (!input.gridId) return { communityId: community.id, gridId: null };
  const grid = await db
    .selectFrom('grid')
    .select('id')
    .where('id', '=', input.gridId)
    .where('communityId', '=', community.id)
    .executeTakeFirst();
  if (!grid) throw new AppError(400, 'GRID_NOT_IN_COMMUNITY', '所选网格不属于所选社区或村，请重新选择');
  return { communityId: community.id, gridId: grid.id };
}

export interface Participant {
  userId: string;
  roles: readonly Role[];
}

/**
 * Starts an attempt: the person's own random paper, kept with the attempt, and a deadline that the
 * contest's end also bounds. While an attempt is open, starting again answers that one.
 */
export async function startAttempt(
  db: Database,
  contest: ContestRow,
  participant: Participant,
  input: { communityId: string; gridId?: string | null },
  now: Date,
): Promise<Attempt> {
  const attempts = await myAttempts(db, contest.id, participant.userId);
  const open = openAttemptOf(attempts, now);
  if (open) return toAttempt(db, open);
  const refusal = refusalToStart(contest, participant.roles, attempts.length, false, now);
  if (refusal) throw new AppError(refusal.status, refusal.code, refusal.message);

  const place = await placeOfParticipant(db, participant.userId, input);
  const { bank, rules } = await contestBank(db, { law: contest.law, books: booksOf(contest), questionCount: contest.questionCount });
  // The office may have retired questions since the contest was created.
  const drawn = drawContestPaper(bank, rules, unpredictableRandom);
  if (!drawn.ok) throw new AppError(409, 'NOT_ENOUGH_QUESTIONS', `题库中的题目不够抽题，请联系镇法治建设科（${drawn.message}）`);

  const deadline = Math.min(now.getTime() + contest.timeLimitMinutes * 60_000, Date.parse(contest.endsAt));
  const row: AttemptRow = {
    id: newId(),
    contestId: contest.id,
    userId: participant.userId,
    seq: attempts.length + 1,
    communityId: place.communityId,
    gridId: place.gridId,
    paper: JSON.stringify(drawn.paper),
    startedAt: now.toISOString(),
    deadlineAt: new Date(deadline).toISOString(),
    submittedAt: null,
    answers: null,
    score: null,
    correctCount: null,
    secondsTaken: null,
    ...attributionColumns(await attributionFor(db, participant.userId, 'contest', contest.id)),
  };
  try {
    await db.insertInto('contestAttempt').values(row).execute();
  } catch (error) {
    // Two starts at once (a double tap, a retry on a slow network): the first one's attempt is the one.
    if (!isUniqueViolation(error)) throw error;
    const winner = openAttemptOf(await myAttempts(db, contest.id, participant.userId), now);
    if (!winner) throw error;
    return toAttempt(db, winner);
  }
  return toAttempt(db, row);
}

async function findMyAttempt(db: Database, contestId: string, attemptId: string, userId: string): Promise<AttemptRow> {
  const attempt = await db
    .selectFrom('contestAttempt')
    .selectAll()
    .where('id', '=', attemptId)
    .where('contestId', '=', contestId)
    .where('userId', '=', userId)
    .executeTakeFirst();
  // Someone else's attempt is answered like one that does not exist.
  if (!attempt) throw attemptNotFound();
  return attempt;
}

/** An attempt not yet submitted, to carry on after the app was closed. */
export async function resumeAttempt(db: Database, contestId: string, attemptId: string, userId: string, now: Date): Promise<Attempt> {
  const attempt = await findMyAttempt(db, contestId, attemptId, userId);
  if (attempt.submittedAt !== null) throw alreadySubmitted();
  if (!isOpen(attempt, now)) throw tooLate();
  return toAttempt(db, attempt);
}

/**
 * Scores a submission on the server. Only the first submission the server accepts counts: a late one
 * closes the paper with no score, a tampered one is refused with nothing recorded, and of two arriving
 * together the conditional update lets exactly one through.
 */
export async function submitAttempt(
  db: Database,
  contestId: string,
  attemptId: string,
  userId: string,
  answers: readonly SubmittedAnswer[],
  lawTexts: LawTexts,
  now: Date,
): Promise<ContestResult> {
  const attempt = await findMyAttempt(db, contestId, attemptId, userId);
  if (attempt.submittedAt !== null) throw alreadySubmitted();

  if (!isOpen(attempt, now)) {
    const closed = await db
      .updateTable('contestAttempt')
      .set({ submittedAt: now.toISOString() })
      .where('id', '=', attempt.id)
      .where('submittedAt', 'is', null)
      .executeTakeFirst();
    if (Number(closed.numUpdatedRows) === 0) throw alreadySubmitted();
    throw tooLate();
  }

  const paper = paperOf(attempt);
  const questions = await paperQuestions(db, paper);
  const shown = questions.map((question, index) => arrangeQuestion(question, paper[index].optionOrder));
  const scored = scoreAnswers(shown, answers);
  if (!scored.ok) throw new AppError(400, 'INVALID_ANSWERS', scored.problems.map((problem) => problem.message).join('；'));

  const startedAt = Date.parse(attempt.startedAt);
  // Time used within the grace is the network's, not the participant's.
  const secondsTaken = Math.floor((Math.min(now.getTime(), Date.parse(attempt.deadlineAt)) - startedAt) / 1000);
  const { score, correctCount, results } = scored.score;
  const updated = await db
    .updateTable('contestAttempt')
    .set({
      submittedAt: now.toISOString(),
      answers: JSON.stringify(results.map((result) => result.chosen)),
      score,
      correctCount,
      secondsTaken,
    })
    .where('id', '=', attempt.id)
    .where('submittedAt', 'is', null)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) throw alreadySubmitted();

  const standing = await standingOf(db, contestId, userId);
  if (!standing) throw new Error(`Attempt ${attemptId} was scored but gives no standing`);
  const participants = (await participantCounts(db, [contestId])).get(contestId) ?? 0;
  return {
    contestId,
    attemptId,
    score,
    correctCount,
    total: questions.length,
    secondsTaken,
    // The person's place in the ranking, which holds their best attempt (this one or an earlier one).
    rank: standing.rank,
    participants,
    answers: questions.map((question, index) =>
      reviewedAnswer(question, results[index].chosen, paper[index].optionOrder, lawTexts),
    ),
  };
}

/**
 * Of these questions, those an unfinished contest paper holds: a paper keeps only each question's
 * option order, so changing how many options such a question has would break the paper.
 */
export async function questionsInUnfinishedPapers(db: Database, questionIds: readonly string[], now: Date): Promise<string[]> {
  if (questionIds.length === 0) return [];
  const graceStart = new Date(now.getTime() - SUBMISSION_GRACE_MS).toISOString();
  const papers = await db
    .selectFrom('contestAttempt')
    .select('paper')
    .where('submittedAt', 'is', null)
    .where('deadlineAt', '>=', graceStart)
    .execute();
  const held = new Set(papers.flatMap((row) => paperOf(row).map((entry) => entry.questionId)));
  return questionIds.filter((id) => held.has(id));
}
