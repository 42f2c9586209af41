import type { Role } from '@core/identity/roles';
import type { MyContest } from '@core/quiz/schemas';
import type { Database } from '../../db/schema';
import { myAttempts, openAttemptOf } from './contest-attempts';
import { standingOf } from './contest-ranking';
import { inListOrder, participantCounts, refusalToStart, toContest, type ContestRow } from './contest-store';

/** One contest as a participant sees it: whether they may take it (and why not), their attempts and best result. */
async function toMyContest(
  db: Database,
  contest: ContestRow,
  participants: number,
  person: { userId: string; roles: readonly Role[] },
  now: Date,
): Promise<MyContest> {
  const attempts = await myAttempts(db, contest.id, person.userId);
  const open = openAttemptOf(attempts, now);
  const refusal = refusalToStart(contest, person.roles, attempts.length, open !== undefined, now);
  const best = attempts.some((attempt) => attempt.score !== null) ? await standingOf(db, contest.id, person.userId) : null;
  return {
    ...toContest(contest, participants, now),
    attemptsUsed: attempts.length,
    mayTake: refusal === null,
    reason: refusal?.message ?? null,
    best,
    openAttemptId: open?.id ?? null,
  };
}

export async function myContests(db: Database, person: { userId: string; roles: readonly Role[] }, now: Date): Promise<MyContest[]> {
  const rows = inListOrder(await db.selectFrom('contest').selectAll().execute(), now);
  const counts = await participantCounts(db, rows.map((row) => row.id));
  const contests: MyContest[] = [];
  for (const row of rows) contests.push(await toMyContest(db, row, counts.get(row.id) ?? 0, person, now));
  return contests;
}

export async function myContest(
  db: Database,
  contest: ContestRow,
  person: { userId: string; roles: readonly Role[] },
  now: Date,
): Promise<MyContest> {
  const counts = await participantCounts(db, [contest.id]);
  return toMyContest(db, contest, counts.get(contest.id) ?? 0, person, now);
}
