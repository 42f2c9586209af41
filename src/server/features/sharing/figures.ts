import type { ExpressionBuilder } from 'kysely';
import type { MyShares, ShareBoard } from '@core/sharing/schemas';
import { addDays, shanghaiIsoString, type LocalDate } from '@core/shared/shanghai-time';
import type { Database, DatabaseSchema } from '../../db/schema';
import { findSharedItem } from './shared-items';

type OpenScope = ExpressionBuilder<DatabaseSchema, 'shareOpen'>;

/**
 * Whether the open was followed by taking the quiz it shared: the daily quiz submitted on the day of
 * the open, after it; or an attempt at the shared contest started after the open.
 */
function quizFollowed(eb: OpenScope) {
  return eb.or([
    eb.and([
      eb('shareOpen.kind', '=', 'quiz'),
      eb.exists(
        eb
          .selectFrom('quizDaily')
          .select('quizDaily.userId')
          .whereRef('quizDaily.userId', '=', 'shareOpen.visitorId')
          .whereRef('quizDaily.date', '=', 'shareOpen.openedOn')
          .whereRef('quizDaily.submittedAt', '>=', 'shareOpen.openedAt'),
      ),
    ]),
    eb.and([
      eb('shareOpen.kind', '=', 'contest'),
      eb.exists(
        eb
          .selectFrom('contestAttempt')
          .select('contestAttempt.id')
          .whereRef('contestAttempt.contestId', '=', 'shareOpen.itemId')
          .whereRef('contestAttempt.userId', '=', 'shareOpen.visitorId')
          .whereRef('contestAttempt.startedAt', '>=', 'shareOpen.openedAt'),
      ),
    ]),
  ]);
}

/** What one grid worker's cards brought, per item, the most recently opened first. */
export async function sharesOf(
  db: Database,
  worker: { id: string; gridId: string; gridName: string },
  sharerCode: string,
): Promise<MyShares> {
  const opened = await db
    .selectFrom('shareOpen')
    .select((eb) => [
      'shareOpen.kind',
      'shareOpen.itemId',
      eb.fn.countAll<number | string>().as('opens'),
      eb.fn.count<number | string>(eb.case().when(quizFollowed(eb)).then(1).end()).as('quizTakers'),
      eb.fn.max('shareOpen.openedAt').as('lastOpenedAt'),
    ])
    .where('shareOpen.sharerId', '=', worker.id)
    .groupBy(['shareOpen.kind', 'shareOpen.itemId'])
    .orderBy('lastOpenedAt', 'desc')
    .execute();
  // Sign-ups keep the attribution of the card opened before them (events/sign-ups.ts); cancelled ones do not count.
  const signUps = await db
    .selectFrom('eventSignUp')
    .select(['eventId', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('sharerId', '=', worker.id)
    .where('cancelledAt', 'is', null)
    .groupBy('eventId')
    .execute();
  const signUpsByEvent = new Map(signUps.map((row) => [row.eventId, Number(row.n)]));
  const items = await Promise.all(
    opened.map(async (row) => ({
      kind: row.kind,
      itemId: row.itemId,
      // An item since deleted keeps its figures under a plain name.
      title: (await findSharedItem(db, row.kind, row.itemId))?.title ?? '已删除的内容',
      opens: Number(row.opens),
      signUps: row.kind === 'event' ? (signUpsByEvent.get(row.itemId) ?? 0) : 0,
      quizTakers: Number(row.quizTakers),
    })),
  );
  return { sharerCode, gridId: worker.gridId, gridName: worker.gridName, items };
}

interface Period {
  from?: LocalDate;
  to?: LocalDate;
}

interface Tally {
  opens: number;
  signUps: number;
  quizTakers: number;
  reached: number;
}

const NOTHING: Tally = { opens: 0, signUps: 0, quizTakers: 0, reached: 0 };

/** People reached per 100 residents, to one decimal; null when the population is not known. */
function reachRate(reached: number, population: number | null): number | null {
  if (!population) return null;
  return Math.round((reached / population) * 1000) / 10;
}

/**
 * Opens, sign-ups and quiz takers per grid, as attributed to its grid workers' cards, and per community
 * (its grids together), with the distinct people reached against the population of the town configuration.
 */
export async function shareBoard(db: Database, period: Period): Promise<ShareBoard> {
  // Opens are dated by their Shanghai day; sign-ups by their instant, within the same Shanghai days.
  const opens = db
    .selectFrom('shareOpen')
    .$if(period.from !== undefined, (q) => q.where('shareOpen.openedOn', '>=', period.from as string))
    .$if(period.to !== undefined, (q) => q.where('shareOpen.openedOn', '<=', period.to as string));

  const tallyBy = async (place: 'grid.id' | 'grid.communityId') => {
    const rows = await opens
      .innerJoin('grid', 'grid.id', 'shareOpen.gridId')
      .select((eb) => [
        eb.ref(place).as('id'),
        eb.fn.countAll<number | string>().as('opens'),
        eb.fn.count<number | string>('shareOpen.visitorId').distinct().as('reached'),
        eb.fn.count<number | string>(eb.case().when(quizFollowed(eb)).then(eb.ref('shareOpen.visitorId')).end()).distinct().as('quizTakers'),
      ])
      .groupBy(place)
      .execute();
    const signUps = await db
      .selectFrom('eventSignUp')
      .innerJoin('grid', 'grid.id', 'eventSignUp.viaGridId')
      .select((eb) => [eb.ref(place).as('id'), eb.fn.countAll<number | string>().as('n')])
      .where('eventSignUp.cancelledAt', 'is', null)
      .$if(period.from !== undefined, (q) => q.where('eventSignUp.signedUpAt', '>=', startOfDay(period.from as string)))
      .$if(period.to !== undefined, (q) => q.where('eventSignUp.signedUpAt', '<', startOfDay(addDays(period.to as string, 1))))
      .groupBy(place)
      .execute();
    const tallies = new Map<string, Tally>();
    for (const row of rows) {
      tallies.set(row.id, { ...NOTHING, opens: Number(row.opens), reached: Number(row.reached), quizTakers: Number(row.quizTakers) });
    }
    for (const row of signUps) {
      tallies.set(row.id, { ...(tallies.get(row.id) ?? NOTHING), signUps: Number(row.n) });
    }
    return tallies;
  };

  const [byGrid, byCommunity, grids, communities, unattributed] = await Promise.all([
    tallyBy('grid.id'),
    tallyBy('grid.communityId'),
    db.selectFrom('grid').select(['id', 'name', 'population']).orderBy('communityId').orderBy('id').execute(),
    db.selectFrom('community').select(['id', 'name', 'population']).orderBy('id').execute(),
    opens.select((eb) => eb.fn.countAll<number | string>().as('n')).where('shareOpen.sharerId', 'is', null).executeTakeFirstOrThrow(),
  ]);
  const rowOf = (place: { id: string; name: string; population: number | null }, tallies: Map<string, Tally>) => {
    const { reached, ...counts } = tallies.get(place.id) ?? NOTHING;
    const population = place.population === null ? null : Number(place.population);
    return { id: place.id, name: place.name, population, ...counts, reachRate: reachRate(reached, population) };
  };
  return {
    byGrid: grids.map((grid) => rowOf(grid, byGrid)),
    byCommunity: communities.map((community) => rowOf(community, byCommunity)),
    unattributedOpens: Number(unattributed.n),
  };
}

/** The instant a Shanghai day begins, as stored instants are written (ISO in UTC). */
function startOfDay(date: LocalDate): string {
  return new Date(shanghaiIsoString(date, '00:00')).toISOString();
}
