import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { EVENT_TYPE_LABELS, EVENT_TYPES } from '@core/events/schemas';
import { FEEDBACK_KIND_LABELS, FEEDBACK_KINDS, FEEDBACK_STATUSES } from '@core/feedback/schemas';
import { FEEDBACK_STATUS_LABELS, OPEN_STATUSES, REOPENING_STARS } from '@core/feedback/workflow';
import { participationRate } from '@core/quiz/participation';
import { monthReader, type MonthKey } from '@core/reports/period';
import type { Count, Dashboard, ReportQuery } from '@core/reports/schemas';
import { hoursBetween, meanOf, median, percentile, percentOf, roundTo1 } from '@core/reports/statistics';
import { shanghaiDateOf } from '@core/shared/shanghai-time';
import type { Database, DatabaseSchema } from '../../db/schema';
import {
  activitiesInScope,
  atCommunityStations,
  attendanceOf,
  checkedInPeople,
  communityOr404,
  countsByMonth,
  feedbackInScope,
  heldEvents,
  isReply,
  scopeOf,
  scoredAttempts,
  sessionDayReader,
  submittedDailies,
  type Scope,
} from './scope';

type Figures<K extends keyof Dashboard> = Dashboard[K];

const SATISFIED_STARS = 4;

function sumWhere<R>(rows: readonly R[], keep: (row: R) => boolean, value: (row: R) => number): number {
  return rows.reduce((sum, row) => (keep(row) ? sum + value(row) : sum), 0);
}

/** What the figures need of the items that have had a reply, gathered in one reading. */
interface Replies {
  /** Hours from submission to the first reply, one per item. */
  hours: number[];
  /** Items replied to, by station and then by session. */
  bySession: Map<string, Map<string, number>>;
  /** Items replied to, by the month they came in, so that each month's replied ≤ its feedback. */
  byMonth: Map<MonthKey, number>;
}

function addOne<K>(counts: Map<K, number>, key: K): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

type ItemCondition = (eb: ExpressionBuilder<DatabaseSchema, 'feedbackItem'>) => Expression<SqlBool>;

/**
 * How many of the scope's items meet each condition, in one pass: a column per condition and no
 * grouping, since grouping would sort a year of items. Every column read is in the submission index.
 */
async function countEach(db: Database, scope: Scope, conditions: readonly ItemCondition[]): Promise<{ counts: number[]; stars: number }> {
  const row = await feedbackInScope(db, scope)
    .select((eb) => [
      eb.fn.sum<number | string | null>('feedbackItem.ratingStars').as('stars'),
      ...conditions.map((condition, i) => eb.fn.count<number | string>(eb.case().when(condition(eb)).then(1).end()).as(`c${i}`)),
    ])
    .executeTakeFirstOrThrow();
  const counts = row as Record<string, number | string | null>;
  return { counts: conditions.map((_, i) => Number(counts[`c${i}`])), stars: Number(row.stars ?? 0) };
}

/**
 * Each item of the scope that has had a reply, with when the first one came: its reply with none before
 * it, read from the index of replies (PostgreSQL joins it as an anti-join, SQLite steps into it per item).
 * The database hands the items over as one text, a line each: a row costs the driver more than the query
 * spends finding it, and a year may hold 100,000. No field holds a space or a comma (ids, days, instants).
 */
async function replyFigures(db: Database, scope: Scope): Promise<Replies> {
  const { lines } = await feedbackInScope(db, scope)
    .innerJoin('feedbackEvent', (join) => join.onRef('feedbackEvent.itemId', '=', 'feedbackItem.id').on(isReply()))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('feedbackEvent as earlier')
            .select('earlier.seq')
            .whereRef('earlier.itemId', '=', 'feedbackEvent.itemId')
            .where(isReply('earlier'))
            .where((sub) => sub(sub.refTuple('earlier.at', 'earlier.seq'), '<', sub.refTuple('feedbackEvent.at', 'feedbackEvent.seq'))),
        ),
      ),
    )
    .select((eb) => {
      const fields = ['feedbackItem.stationId', 'feedbackItem.sessionDate', 'feedbackItem.submittedAt', 'feedbackEvent.at'] as const;
      return sql<string | null>`string_agg(${sql.join(fields.map((field) => eb.ref(field)), sql` || ' ' || `)}, ',')`.as('lines');
    })
    .executeTakeFirstOrThrow();
  const replies: Replies = { hours: [], bySession: new Map(), byMonth: new Map() };
  const monthOf = monthReader(scope.period);
  for (const line of lines === null ? [] : lines.split(',')) {
    const [stationId, sessionDate, submittedAt, firstReplyAt] = line.split(' ');
    replies.hours.push(hoursBetween(submittedAt, firstReplyAt));
    const station = replies.bySession.get(stationId) ?? new Map<string, number>();
    replies.bySession.set(stationId, station);
    addOne(station, sessionDate);
    addOne(replies.byMonth, monthOf(submittedAt));
  }
  return replies;
}

/** The inbox's rule: still open, and the last day for a reply has passed in Shanghai, whenever submitted. */
async function overdueNow(db: Database, scope: Scope, now: Date): Promise<number> {
  const open = db
    .selectFrom('feedbackItem')
    .where('feedbackItem.status', 'in', OPEN_STATUSES)
    .where('feedbackItem.replyDue', '<', shanghaiDateOf(now));
  const row = await atCommunityStations(db, open, scope)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Items and replies per session, on the day each session was held (a moved one on its new day). */
async function sessionFigures(db: Database, scope: Scope, replies: Replies): Promise<Figures<'feedback'>['bySession']> {
  const [rows, stations] = await Promise.all([
    feedbackInScope(db, scope)
      .select((eb) => ['feedbackItem.stationId', 'feedbackItem.sessionDate', eb.fn.countAll<number | string>().as('items')])
      .groupBy(['feedbackItem.stationId', 'feedbackItem.sessionDate'])
      .execute(),
    db.selectFrom('station').select(['id', 'name']).execute(),
  ]);
  const stationName = new Map(stations.map((station) => [station.id, station.name]));
  const heldOn = sessionDayReader(db);
  const bySession = await Promise.all(
    rows.map(async (row) => ({
      stationId: row.stationId,
      stationName: stationName.get(row.stationId) ?? row.stationId,
      date: await heldOn(row.stationId, row.sessionDate),
      items: Number(row.items),
      replied: replies.bySession.get(row.stationId)?.get(row.sessionDate) ?? 0,
    })),
  );
  return bySession.sort((a, b) => a.date.localeCompare(b.date) || a.stationId.localeCompare(b.stationId));
}

async function feedbackFigures(db: Database, scope: Scope, now: Date, replies: Replies): Promise<Figures<'feedback'>> {
  const categories = await db.selectFrom('feedbackCategory').select(['id', 'name']).orderBy('position').execute();
  const bar = (key: string, label: string, condition: ItemCondition) => ({ key, label, condition });
  // Every configured kind, category and status gets its bar, empty ones included: charts keep stable axes.
  const axes = [
    FEEDBACK_KINDS.map((kind) => bar(kind, FEEDBACK_KIND_LABELS[kind], (eb) => eb('feedbackItem.kind', '=', kind))),
    categories.map((category) => bar(category.id, category.name, (eb) => eb('feedbackItem.categoryId', '=', category.id))),
    FEEDBACK_STATUSES.map((status) => bar(status, FEEDBACK_STATUS_LABELS[status], (eb) => eb('feedbackItem.status', '=', status))),
    FEEDBACK_STATUSES.map((status) =>
      bar(status, FEEDBACK_STATUS_LABELS[status], (eb) => eb.and([eb('feedbackItem.flagged', '=', 1), eb('feedbackItem.status', '=', status)])),
    ),
  ];
  const ratings: ItemCondition[] = [
    (eb) => eb('feedbackItem.ratingStars', 'is not', null),
    (eb) => eb('feedbackItem.ratingStars', '>=', SATISFIED_STARS),
    (eb) => eb('feedbackItem.ratingStars', '<=', REOPENING_STARS),
  ];
  const [{ counts, stars }, bySession, overdue] = await Promise.all([
    countEach(db, scope, [...axes.flat().map((b) => b.condition), ...ratings]),
    sessionFigures(db, scope, replies),
    overdueNow(db, scope, now),
  ]);
  // The counts come back in the order the conditions went in: each axis takes its share in turn.
  let next = 0;
  const [kinds, categoryCounts, statuses, flagged] = axes.map((bars): Count[] => bars.map(({ key, label }) => ({ key, label, count: counts[next++] })));
  const [rated, satisfied, dissatisfied] = counts.slice(next);
  const { hours } = replies;
  const rounded = (value: number | null) => (value === null ? null : roundTo1(value));
  const sum = (bars: readonly Count[]) => bars.reduce((total, bar) => total + bar.count, 0);
  return {
    total: sum(kinds),
    byKind: kinds,
    byCategory: categoryCounts,
    byStatus: statuses,
    bySession,
    firstReply: { replied: hours.length, medianHours: rounded(median(hours)), p90Hours: rounded(percentile(hours, 90)) },
    overdueNow: overdue,
    satisfaction: {
      rated,
      averageStars: meanOf(stars, rated),
      satisfied,
      satisfiedRate: percentOf(satisfied, rated),
      dissatisfied,
    },
    assessment: { flagged: sum(flagged), byStatus: flagged },
  };
}

/**
 * Every supervisor in office, and those revoked since who have figures in the period. Their enforcement
 * actions carry no community: counted town-wide whichever community is chosen.
 */
async function supervisionFigures(db: Database, scope: Scope): Promise<Figures<'supervision'>> {
  const [supervisors, opinions, activities] = await Promise.all([
    db.selectFrom('supervisor').select(['id', 'name', 'revokedAt']).orderBy('certificateNo').orderBy('id').execute(),
    feedbackInScope(db, scope)
      .where('feedbackItem.kind', '=', 'supervision')
      .select((eb) => ['feedbackItem.supervisorId', eb.fn.countAll<number | string>().as('n')])
      .groupBy('feedbackItem.supervisorId')
      .execute(),
    activitiesInScope(db, scope)
      .select((eb) => ['enforcementActivity.supervisorId', eb.fn.countAll<number | string>().as('n')])
      .groupBy('enforcementActivity.supervisorId')
      .execute(),
  ]);
  const opinionsOf = new Map(opinions.map((row) => [row.supervisorId, Number(row.n)]));
  const activitiesOf = new Map(activities.map((row) => [row.supervisorId, Number(row.n)]));
  const bySupervisor = supervisors
    .map((s) => ({ supervisorId: s.id, name: s.name, opinions: opinionsOf.get(s.id) ?? 0, activities: activitiesOf.get(s.id) ?? 0 }))
    .filter((row, index) => supervisors[index].revokedAt === null || row.opinions > 0 || row.activities > 0);
  return {
    opinions: sumWhere(opinions, () => true, (row) => Number(row.n)),
    activities: sumWhere(activities, () => true, (row) => Number(row.n)),
    bySupervisor,
  };
}

interface HeldEvent {
  type: string;
  theme: string;
  startsAt: string;
  attendance: number;
  signedUp: number;
  checkedIn: number;
}

async function heldEventRows(db: Database, scope: Scope, now: Date): Promise<HeldEvent[]> {
  const rows = await heldEvents(db, scope, now)
    .select((eb) => ['event.type', 'event.theme', 'event.startsAt', 'event.attendance', 'event.signedUp', checkedInPeople(eb).as('checkedIn')])
    .execute();
  return rows.map((row) => ({
    type: row.type,
    theme: row.theme,
    startsAt: row.startsAt,
    attendance: attendanceOf(row),
    signedUp: Number(row.signedUp),
    checkedIn: Number(row.checkedIn),
  }));
}

async function eventFigures(db: Database, scope: Scope, held: readonly HeldEvent[]): Promise<Figures<'events'>> {
  const cancelled = await db
    .selectFrom('event')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('event.status', '=', 'cancelled')
    .where('event.startsAt', '>=', scope.start)
    .where('event.startsAt', '<', scope.end)
    .$if(scope.communityId !== null, (q) => q.where('event.communityId', '=', scope.communityId as string))
    .executeTakeFirstOrThrow();
  const bucket = (key: string, label: string, keep: (event: HeldEvent) => boolean) => ({
    key,
    label,
    events: held.filter(keep).length,
    attendance: sumWhere(held, keep, (e) => e.attendance),
  });
  // Themes are free text the office typed: each as written, the busiest first.
  const themes = [...new Set(held.map((e) => e.theme))];
  const byTheme = themes
    .map((theme) => bucket(theme, theme, (e) => e.theme === theme))
    .sort((a, b) => b.events - a.events || b.attendance - a.attendance || a.key.localeCompare(b.key));
  return {
    held: held.length,
    cancelled: Number(cancelled.n),
    attendance: sumWhere(held, () => true, (e) => e.attendance),
    signedUp: sumWhere(held, () => true, (e) => e.signedUp),
    checkedIn: sumWhere(held, () => true, (e) => e.checkedIn),
    byType: EVENT_TYPES.map((type) => bucket(type, EVENT_TYPE_LABELS[type], (e) => e.type === type)),
    byTheme,
  };
}

interface Tally {
  takers: number | string;
  attempts: number | string;
  score: number | string | null;
}

function totalsOf(tally: Tally | undefined) {
  const attempts = Number(tally?.attempts ?? 0);
  return { takers: Number(tally?.takers ?? 0), attempts, averageScore: meanOf(Number(tally?.score ?? 0), attempts) };
}

async function quizFigures(db: Database, scope: Scope): Promise<Figures<'quiz'>> {
  const attempts = () =>
    scoredAttempts(db, scope).select((eb) => [
      eb.fn.count<number | string>('contestAttempt.userId').distinct().as('takers'),
      eb.fn.countAll<number | string>().as('attempts'),
      eb.fn.sum<number | string | null>('contestAttempt.score').as('score'),
    ]);
  const [contests, daily, byCommunity, byGrid, withGrid, communities, grids] = await Promise.all([
    attempts().executeTakeFirst(),
    scope.communityId === null
      ? submittedDailies(db, scope)
          .select((eb) => [
            eb.fn.count<number | string>('quizDaily.userId').distinct().as('takers'),
            eb.fn.countAll<number | string>().as('attempts'),
            eb.fn.sum<number | string | null>('quizDaily.score').as('score'),
          ])
          .executeTakeFirst()
      : undefined,
    attempts().select('contestAttempt.communityId as unitId').groupBy('contestAttempt.communityId').execute(),
    attempts().select('contestAttempt.gridId as unitId').groupBy('contestAttempt.gridId').execute(),
    // Takers with a paper that names one of the town's grids: the others are the grid table's unassigned.
    scoredAttempts(db, scope)
      .select((eb) => eb.fn.count<number | string>('contestAttempt.userId').distinct().as('n'))
      .where('contestAttempt.gridId', 'in', db.selectFrom('grid').select('grid.id'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('community')
      .select(['id', 'name', 'population'])
      .$if(scope.communityId !== null, (q) => q.where('id', '=', scope.communityId as string))
      .orderBy('id')
      .execute(),
    db
      .selectFrom('grid')
      .select(['id', 'name', 'population'])
      .$if(scope.communityId !== null, (q) => q.where('communityId', '=', scope.communityId as string))
      .orderBy('communityId')
      .orderBy('id')
      .execute(),
  ]);
  const unitRows = (units: readonly { id: string; name: string; population: number | null }[], tallies: readonly (Tally & { unitId: string | null })[]) => {
    const byUnit = new Map(tallies.map((t) => [t.unitId, t]));
    return units.map((unit) => {
      const totals = totalsOf(byUnit.get(unit.id));
      const population = unit.population === null ? null : Number(unit.population);
      return { id: unit.id, name: unit.name, population, ...totals, rate: population === null ? null : participationRate(totals.takers, population) };
    });
  };
  const contestTotals = totalsOf(contests);
  return {
    contests: contestTotals,
    daily: scope.communityId === null ? totalsOf(daily) : null,
    byCommunity: unitRows(communities, byCommunity),
    byGrid: unitRows(grids, byGrid),
    unassigned: contestTotals.takers - Number(withGrid.n),
  };
}

async function monthlyFigures(db: Database, scope: Scope, replies: Replies, held: readonly HeldEvent[]): Promise<Figures<'monthly'>> {
  const [feedback, contests, daily] = await Promise.all([
    countsByMonth(db, scope, (month) => feedbackInScope(db, month)),
    countsByMonth(db, scope, (month) => scoredAttempts(db, month)),
    scope.communityId === null ? countsByMonth(db, scope, (month) => submittedDailies(db, month)) : new Map<MonthKey, number>(),
  ]);
  const monthOf = monthReader(scope.period);
  const events = new Map<MonthKey, number>();
  for (const event of held) addOne(events, monthOf(event.startsAt));
  return [...feedback.keys()].map((month) => ({
    month,
    feedback: feedback.get(month) ?? 0,
    replied: replies.byMonth.get(month) ?? 0,
    events: events.get(month) ?? 0,
    quizAttempts: (contests.get(month) ?? 0) + (daily.get(month) ?? 0),
  }));
}

/** The office's figures for a period of Shanghai days and, optionally, one community or village. */
export async function dashboard(db: Database, query: ReportQuery, now: Date): Promise<Dashboard> {
  const community = query.community ? await communityOr404(db, query.community) : null;
  const scope = scopeOf({ from: query.from, to: query.to }, community?.id ?? null);
  const [replies, held] = await Promise.all([replyFigures(db, scope), heldEventRows(db, scope, now)]);
  const [feedback, supervision, events, quiz, monthly] = await Promise.all([
    feedbackFigures(db, scope, now, replies),
    supervisionFigures(db, scope),
    eventFigures(db, scope, held),
    quizFigures(db, scope),
    monthlyFigures(db, scope, replies, held),
  ]);
  return { period: { from: query.from, to: query.to }, community, feedback, supervision, events, quiz, monthly };
}
