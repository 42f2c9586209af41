import type { Selectable } from 'kysely';
import type { Role } from '@core/identity/roles';
import { CONTEST_AUDIENCE_LABELS, type Contest, type ContestPlaces, type CreateContest } from '@core/quiz/schemas';
import { contestDrawProblem, type ContestDrawRules, type QuestionInBook } from '@core/quiz/contest-draw';
import type { Law } from '@core/quiz/question';
import { shanghaiMinute } from '@core/shared/shanghai-time';
import type { ContestTable, Database } from '../../db/schema';
import { AppError } from '../../shared/app-error';
import { newId } from '../../shared/secrets';
import { loadQuestions } from './question-bank';
import type { LawTexts } from './law-texts';

export type ContestRow = Selectable<ContestTable>;
export type ContestStatus = Contest['status'];

/** The draw rules' book name for a contest over a whole law (the Constitution has no books at all). */
const WHOLE_LAW = '*';

export function contestStatus(contest: Pick<ContestRow, 'startsAt' | 'endsAt'>, now: Date): ContestStatus {
  const at = now.getTime();
  if (at < Date.parse(contest.startsAt)) return 'upcoming';
  return at < Date.parse(contest.endsAt) ? 'open' : 'ended';
}

export function booksOf(contest: Pick<ContestRow, 'books'>): string[] {
  return JSON.parse(contest.books) as string[];
}

export function toContest(row: ContestRow, participants: number, now: Date): Contest {
  return {
    id: row.id,
    title: row.title,
    law: row.law,
    books: booksOf(row),
    questionCount: row.questionCount,
    timeLimitMinutes: row.timeLimitMinutes,
    attemptsAllowed: row.attemptsAllowed,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    audience: row.audience,
    status: contestStatus(row, now),
    participants,
  };
}

export function contestNotFound(): AppError {
  return new AppError(404, 'CONTEST_NOT_FOUND', '找不到这场竞赛');
}

export async function findContest(db: Database, id: string): Promise<ContestRow> {
  const row = await db.selectFrom('contest').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw contestNotFound();
  return row;
}

/** People with at least one scored attempt, per contest: the ones the ranking lists. */
export async function participantCounts(db: Database, contestIds: readonly string[]): Promise<Map<string, number>> {
  if (contestIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('contestAttempt')
    .select(['contestId', (eb) => eb.fn.count<number | string>('userId').distinct().as('people')])
    .where('contestId', 'in', contestIds)
    .where('score', 'is not', null)
    .groupBy('contestId')
    .execute();
  return new Map(rows.map((row) => [row.contestId, Number(row.people)]));
}

/**
 * Open contests first (the one closing soonest on top), then those to come (soonest first), then
 * ended ones (the latest first).
 */
export function inListOrder(rows: readonly ContestRow[], now: Date): ContestRow[] {
  const group: Record<ContestStatus, number> = { open: 0, upcoming: 1, ended: 2 };
  const key = (row: ContestRow) => {
    const status = contestStatus(row, now);
    if (status === 'open') return Date.parse(row.endsAt);
    if (status === 'upcoming') return Date.parse(row.startsAt);
    return -Date.parse(row.endsAt);
  };
  return [...rows].sort((a, b) => group[contestStatus(a, now)] - group[contestStatus(b, now)] || key(a) - key(b));
}

export async function listContests(db: Database, now: Date): Promise<Contest[]> {
  const rows = inListOrder(await db.selectFrom('contest').selectAll().execute(), now);
  const counts = await participantCounts(db, rows.map((row) => row.id));
  return rows.map((row) => toContest(row, counts.get(row.id) ?? 0, now));
}

/**
 * The active questions a contest draws from, and the rules for the core's draw: a contest over the
 * whole law draws from all of it as one scope, whatever books it has.
 */
export async function contestBank(
  db: Database,
  contest: { law: Law; books: readonly string[]; questionCount: number },
): Promise<{ bank: QuestionInBook[]; rules: ContestDrawRules }> {
  const wholeLaw = contest.books.length === 0;
  const questions = await loadQuestions(db, { law: contest.law, ...(!wholeLaw && { books: [...contest.books] }) });
  return {
    bank: questions.map((question) => ({ ...question, book: wholeLaw ? WHOLE_LAW : (question.book ?? '') })),
    rules: { books: wholeLaw ? [WHOLE_LAW] : contest.books, questionCount: contest.questionCount },
  };
}

function checkBooks(law: Law, books: readonly string[], lawTexts: LawTexts): void {
  const lawBooks = [...new Set(lawTexts[law].chapters.flatMap((place) => (place.book === null ? [] : [place.book])))];
  const title = lawTexts[law].title;
  for (const book of books) {
    if (!lawBooks.includes(book)) {
      throw new AppError(
        400,
        'BOOK_NOT_IN_LAW',
        lawBooks.length === 0 ? `《${title}》不分编，出题范围请选整部法律` : `“${book}”不是《${title}》的一编，请重新选择`,
      );
    }
  }
}

/** An instant without its offset would be read in the host's timezone: the office must say which time it means. */
const EXPLICIT_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/;

function checkInstant(value: string, label: string): void {
  if (!EXPLICIT_OFFSET.test(value)) {
    throw new AppError(400, 'INSTANT_WITHOUT_OFFSET', `${label}请带上时区，如 2026-12-04T09:00:00+08:00`);
  }
}

export async function createContest(
  db: Database,
  input: CreateContest,
  lawTexts: LawTexts,
  staffId: string,
  now: Date,
): Promise<Contest> {
  checkInstant(input.startsAt, '开始时间');
  checkInstant(input.endsAt, '结束时间');
  const books = [...new Set(input.books)];
  checkBooks(input.law, books, lawTexts);
  const { bank, rules } = await contestBank(db, { law: input.law, books, questionCount: input.questionCount });
  const problem = contestDrawProblem(bank, rules);
  if (problem) throw new AppError(400, 'NOT_ENOUGH_QUESTIONS', problem);
  const row: ContestRow = {
    id: newId(),
    title: input.title,
    law: input.law,
    books: JSON.stringify(books),
    questionCount: input.questionCount,
    timeLimitMinutes: input.timeLimitMinutes,
    attemptsAllowed: input.attemptsAllowed,
    // Kept as UTC ISO strings, so that text comparison in either database orders them in time.
    startsAt: new Date(input.startsAt).toISOString(),
    endsAt: new Date(input.endsAt).toISOString(),
    audience: input.audience,
    createdBy: staffId,
    createdAt: now.toISOString(),
  };
  await db.insertInto('contest').values(row).execute();
  return toContest(row, 0, now);
}

export type Refusal = { status: 403 | 409; code: string; message: string };

/**
 * Whether this person may start an attempt now, and if not, why in their words. An open attempt is
 * always theirs to resume.
 */
export function refusalToStart(
  contest: ContestRow,
  roles: readonly Role[],
  attemptsUsed: number,
  hasOpenAttempt: boolean,
  now: Date,
): Refusal | null {
  if (hasOpenAttempt) return null;
  const status = contestStatus(contest, now);
  if (status === 'ended') return { status: 409, code: 'CONTEST_ENDED', message: '竞赛已结束' };
  const audienceRole: Role | null =
    contest.audience === 'supervisors' ? 'supervisor' : contest.audience === 'grid_workers' ? 'grid_worker' : null;
  if (audienceRole && !roles.includes(audienceRole)) {
    return { status: 403, code: 'CONTEST_AUDIENCE', message: `本场竞赛仅限${CONTEST_AUDIENCE_LABELS[contest.audience]}参加` };
  }
  if (status === 'upcoming') {
    return {
      status: 409,
      code: 'CONTEST_NOT_STARTED',
      message: `竞赛尚未开始，${shanghaiMinute(new Date(contest.startsAt))} 开始`,
    };
  }
  if (attemptsUsed >= contest.attemptsAllowed) {
    return { status: 409, code: 'ATTEMPTS_USED_UP', message: `每人可答 ${contest.attemptsAllowed} 次，您的答题次数已用完` };
  }
  return null;
}

/** The town's communities and grids to choose from, and a grid worker's own grid. */
export async function contestPlaces(db: Database, userId: string): Promise<ContestPlaces> {
  const communities = await db.selectFrom('community').select(['id', 'name']).orderBy('id').execute();
  const grids = await db.selectFrom('grid').select(['id', 'name', 'communityId']).orderBy('id').execute();
  const ownGrid = await gridWorkerGrid(db, userId);
  return {
    communities: communities.map((community) => ({
      ...community,
      grids: grids.filter((grid) => grid.communityId === community.id).map(({ id, name }) => ({ id, name })),
    })),
    ownGrid,
  };
}

/** The grid a bound, unrevoked grid worker belongs to. */
export async function gridWorkerGrid(
  db: Database,
  userId: string,
): Promise<{ communityId: string; gridId: string; name: string } | null> {
  const row = await db
    .selectFrom('gridWorker')
    .innerJoin('grid', 'grid.id', 'gridWorker.gridId')
    .select(['grid.id as gridId', 'grid.communityId', 'grid.name'])
    .where('gridWorker.userId', '=', userId)
    .where('gridWorker.revokedAt', 'is', null)
    .executeTakeFirst();
  return row ?? null;
}
