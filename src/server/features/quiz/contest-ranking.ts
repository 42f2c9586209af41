import { participationByUnit } from '@core/quiz/participation';
import { compareAttempts, rankAttempts, type RankableAttempt, type Ranked } from '@core/quiz/ranking';
import type { Ranking } from '@core/quiz/schemas';
import type { Database } from '../../db/schema';
import { sha256 } from '../../shared/secrets';
import { toContest, type ContestRow } from './contest-store';

/** Entries a ranking lists, so that a phone on a village network is not sent thousands; the caller's own is added. */
export const RANKING_LENGTH = 100;

export type ScoredAttempt = RankableAttempt & { communityId: string; gridId: string | null };

/** Each participant once, at their best scored attempt, in ranking order. */
export async function contestRanking(db: Database, contestId: string): Promise<Ranked<ScoredAttempt>[]> {
  const rows = await db
    .selectFrom('contestAttempt')
    .select(['userId', 'score', 'secondsTaken', 'submittedAt', 'communityId', 'gridId'])
    .where('contestId', '=', contestId)
    .where('score', 'is not', null)
    .execute();
  return rankAttempts(
    rows.map((row) => ({
      participantId: row.userId,
      score: Number(row.score),
      secondsTaken: Number(row.secondsTaken),
      submittedAt: new Date(row.submittedAt as string),
      communityId: row.communityId,
      gridId: row.gridId,
    })),
  );
}

/**
 * One person's place without reading the whole contest: their best attempt (the core's order), and
 * 1 + the people with an attempt strictly better than it, which is the rank rankAttempts gives
 * (equal score and time share a rank: 1, 2, 2, 4). Every submission asks for it, so it must stay
 * cheap when a thousand people submit within a minute.
 */
export async function standingOf(
  db: Database,
  contestId: string,
  userId: string,
): Promise<{ score: number; secondsTaken: number; rank: number } | null> {
  const mine = await db
    .selectFrom('contestAttempt')
    .select(['score', 'secondsTaken', 'submittedAt'])
    .where('contestId', '=', contestId)
    .where('userId', '=', userId)
    .where('score', 'is not', null)
    .execute();
  const best = mine
    .map((row) => ({
      participantId: userId,
      score: Number(row.score),
      secondsTaken: Number(row.secondsTaken),
      submittedAt: new Date(row.submittedAt as string),
    }))
    .sort(compareAttempts)[0];
  if (!best) return null;
  const ahead = await db
    .selectFrom('contestAttempt')
    .select((eb) => eb.fn.count<number | string>('userId').distinct().as('people'))
    .where('contestId', '=', contestId)
    .where('userId', '!=', userId)
    .where((eb) =>
      eb.or([
        eb('score', '>', best.score),
        eb.and([eb('score', '=', best.score), eb('secondsTaken', '<', best.secondsTaken)]),
      ]),
    )
    .executeTakeFirstOrThrow();
  return { score: best.score, secondsTaken: best.secondsTaken, rank: 1 + Number(ahead.people) };
}

/** Four hex digits, the same for a person throughout one contest and unrelated between contests: no one can be traced by it. */
export function participantCode(contestId: string, userId: string): string {
  return sha256(`${contestId}:${userId}`).slice(0, 4);
}

/** The ranking page: the best attempts by community and code, and participation as counts and rates. */
export async function rankingView(db: Database, contest: ContestRow, viewerId: string | null, now: Date): Promise<Ranking> {
  const ranked = await contestRanking(db, contest.id);
  const communities = await db.selectFrom('community').select(['id', 'name', 'population']).orderBy('id').execute();
  const grids = await db.selectFrom('grid').select(['id', 'name', 'population']).orderBy('id').execute();
  const communityName = new Map(communities.map((community) => [community.id, community.name]));

  const shown = ranked.filter((entry, index) => index < RANKING_LENGTH || entry.participantId === viewerId);
  return {
    contest: toContest(contest, ranked.length, now),
    entries: shown.map((entry) => ({
      rank: entry.rank,
      label: `${communityName.get(entry.communityId) ?? ''} · ${participantCode(contest.id, entry.participantId)}`,
      score: entry.score,
      secondsTaken: entry.secondsTaken,
      mine: entry.participantId === viewerId,
    })),
    // A person counts where their best attempt said they live.
    byCommunity: participationRows(
      communities,
      ranked.map((entry) => ({ personId: entry.participantId, unitId: entry.communityId })),
    ),
    byGrid: participationRows(
      grids,
      ranked.map((entry) => ({ personId: entry.participantId, unitId: entry.gridId })),
    ),
  };
}

function participationRows(
  units: readonly { id: string; name: string; population: number | null }[],
  participants: readonly { personId: string; unitId: string | null }[],
): Ranking['byCommunity'] {
  const populationOf = new Map(units.map((unit) => [unit.id, unit.population]));
  // No population configured: the core gives no rate for 0, and the row says the population is unknown.
  const table = participationByUnit(
    units.map((unit) => ({ id: unit.id, name: unit.name, population: unit.population ?? 0 })),
    participants,
  );
  return table.rows.map((row) => ({ ...row, population: populationOf.get(row.id) ?? null }));
}
