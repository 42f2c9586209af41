import { sql, type ExpressionBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { monthPeriods, periodInstants, type MonthKey, type ReportPeriod } from '@core/reports/period';
import { sessionByOriginalDate } from '@core/sessions/calendar';
import type { Database, DatabaseSchema } from '../../db/schema';
import { AppError } from '../../shared/app-error';
import { loadStationSessions, type StationSessions } from '../feedback/session-refs';

/**
 * What a figure counts over: the period's instants (start included, end excluded, ISO strings in UTC
 * as stored, so they compare as text on both databases), its Shanghai days, and optionally one community.
 */
export interface Scope {
  period: ReportPeriod;
  start: string;
  end: string;
  communityId: string | null;
}

export function scopeOf(period: ReportPeriod, communityId: string | null = null): Scope {
  return { period, ...periodInstants(period), communityId };
}

export async function communityOr404(db: Database, id: string): Promise<{ id: string; name: string }> {
  const community = await db.selectFrom('community').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
  if (!community) throw new AppError(404, 'COMMUNITY_NOT_FOUND', '没有这个社区');
  return community;
}

/** Items at the stations of the scope's community, or everywhere when it names none. */
export function atCommunityStations<Q extends SelectQueryBuilder<DatabaseSchema, 'feedbackItem', object>>(db: Database, query: Q, scope: Scope): Q {
  if (scope.communityId === null) return query;
  return query.where('feedbackItem.stationId', 'in', db.selectFrom('station').select('station.id').where('station.communityId', '=', scope.communityId)) as Q;
}

/**
 * Feedback submitted in the period, at stations of the scope's community when it names one. No join: the
 * submission indexes (migration 0010) hold every column the figures read, so the items stay unread.
 */
export function feedbackInScope(db: Database, scope: Scope) {
  const items = db
    .selectFrom('feedbackItem')
    .where('feedbackItem.submittedAt', '>=', scope.start)
    .where('feedbackItem.submittedAt', '<', scope.end);
  return atCommunityStations(db, items, scope);
}

/**
 * A reply in an item's history (`table` names the history, or an alias of it). Written as a literal: the
 * index of replies covers those rows only (migration 0010), and SQLite uses such an index only for a
 * query that names the same value, not a bound parameter.
 */
export function isReply(table = 'feedbackEvent') {
  return sql<SqlBool>`${sql.ref(`${table}.action`)} = ${sql.lit('replied')}`;
}

/** The item has had a reply: what 回应 counts, whatever became of it since. */
export function hasReply(eb: ExpressionBuilder<DatabaseSchema, 'feedbackItem'>) {
  return eb.exists(
    eb.selectFrom('feedbackEvent').select('feedbackEvent.seq').whereRef('feedbackEvent.itemId', '=', 'feedbackItem.id').where(isReply()),
  );
}

/** When each of these items (a page of an export, say) was first replied to; items without a reply are absent. */
export async function firstReplyTimes(db: Database, itemIds: readonly string[]): Promise<Map<string, string>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('feedbackEvent')
    .select((eb) => ['feedbackEvent.itemId', eb.fn.min<string>('feedbackEvent.at').as('at')])
    .where('feedbackEvent.itemId', 'in', itemIds)
    .where(isReply())
    .groupBy('feedbackEvent.itemId')
    .execute();
  return new Map(rows.map((row) => [row.itemId, row.at]));
}

/** Published events that started in the period and had ended by `now`: 开展法治宣传活动. */
export function heldEvents(db: Database, scope: Scope, now: Date) {
  return db
    .selectFrom('event')
    .where('event.status', '=', 'published')
    .where('event.startsAt', '>=', scope.start)
    .where('event.startsAt', '<', scope.end)
    .where('event.endsAt', '<=', now.toISOString())
    .$if(scope.communityId !== null, (q) => q.where('event.communityId', '=', scope.communityId as string));
}

/** People on the event's checked-in sign-ups (each sign-up may bring several). */
export function checkedInPeople(eb: ExpressionBuilder<DatabaseSchema, 'event'>) {
  return eb.fn.coalesce(
    eb
      .selectFrom('eventSignUp')
      .select((sub) => sub.fn.sum<number | string>('eventSignUp.people').as('people'))
      .whereRef('eventSignUp.eventId', '=', 'event.id')
      .where('eventSignUp.checkedInAt', 'is not', null)
      .where('eventSignUp.cancelledAt', 'is', null)
      .$asScalar(),
    eb.lit(0),
  );
}

/** An event's audience: the count the office recorded, else the people who checked in. */
export function attendanceOf(row: { attendance: number | null; checkedIn: number | string }): number {
  return row.attendance === null ? Number(row.checkedIn) : Number(row.attendance);
}

/** Contest papers handed in during the period and scored (a late one never is), from the scope's community. */
export function scoredAttempts(db: Database, scope: Scope) {
  return db
    .selectFrom('contestAttempt')
    .where('contestAttempt.submittedAt', '>=', scope.start)
    .where('contestAttempt.submittedAt', '<', scope.end)
    .where('contestAttempt.score', 'is not', null)
    .$if(scope.communityId !== null, (q) => q.where('contestAttempt.communityId', '=', scope.communityId as string));
}

/** Daily practice handed in during the period; it carries no community. */
export function submittedDailies(db: Database, scope: Scope) {
  return db
    .selectFrom('quizDaily')
    .where('quizDaily.submittedAt', '>=', scope.start)
    .where('quizDaily.submittedAt', '<', scope.end);
}

/** Enforcement actions supervisors attended on the period's days (a Shanghai day each). */
export function activitiesInScope(db: Database, scope: Scope) {
  return db
    .selectFrom('enforcementActivity')
    .where('enforcementActivity.date', '>=', scope.period.from)
    .where('enforcementActivity.date', '<=', scope.period.to);
}

/** Session records closed in the period: 开展驿站接待日. */
export function sessionsClosedInScope(db: Database, scope: Scope) {
  return db
    .selectFrom('sessionRecord')
    .where('sessionRecord.closedAt', '>=', scope.start)
    .where('sessionRecord.closedAt', '<', scope.end);
}

/**
 * How many rows each month of the scope holds, every month listed: one count per month over the rows
 * `rows` selects for that month's part of the scope. Each count reads a range of a time index and
 * sorts nothing, where grouping by a month worked out per row would sort them all.
 */
export async function countsByMonth<T extends keyof DatabaseSchema>(
  db: Database,
  scope: Scope,
  rows: (month: Scope) => SelectQueryBuilder<DatabaseSchema, T, object>,
): Promise<Map<MonthKey, number>> {
  const months = monthPeriods(scope.period);
  const counts = await db
    .selectNoFrom(() => months.map(({ period }, i) => rows(scopeOf(period, scope.communityId)).select(sql<number | string>`count(*)`.as('n')).as(`m${i}`)))
    .executeTakeFirstOrThrow();
  const row = counts as Record<string, number | string>;
  return new Map(months.map(({ month }, i) => [month, Number(row[`m${i}`])]));
}

/** Turns (station, session key) into the day the session was held, reading each station's calendar once. */
export function sessionDayReader(db: Database): (stationId: string, sessionDate: string) => Promise<string> {
  const stations = new Map<string, Promise<StationSessions | undefined>>();
  return async (stationId, sessionDate) => {
    if (!stations.has(stationId)) stations.set(stationId, loadStationSessions(db, stationId));
    const context = await stations.get(stationId);
    // A key the rule no longer gives (the office changed the rule since) is still the best date there is.
    return (context && sessionByOriginalDate(context.rule, context.overrides, sessionDate)?.date) ?? sessionDate;
  };
}
