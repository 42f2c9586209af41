import {
  checkOverride,
  MAX_MOVE_DAYS,
  type OverrideProblem,
  type SessionOverride,
  type SessionRule,
} from '@core/sessions/calendar';
import type { Station } from '@core/sessions/schemas';
import type { Database } from '../../db/schema';
import { AppError } from '../../shared/app-error';

export interface StationWithRule {
  station: Station;
  rule: SessionRule;
}

function stationQuery(db: Database) {
  return db
    .selectFrom('station')
    .innerJoin('community', 'community.id', 'station.communityId')
    .select([
      'station.id',
      'station.name',
      'station.subtitle',
      'community.name as communityName',
      'station.address',
      'station.latitude',
      'station.longitude',
      'station.daysOfMonth',
      'station.windowStart',
      'station.windowEnd',
    ]);
}

type StationRow = Awaited<ReturnType<ReturnType<typeof stationQuery>['executeTakeFirstOrThrow']>>;

function toStation(row: StationRow): StationWithRule {
  const rule: SessionRule = {
    daysOfMonth: row.daysOfMonth.split(',').map(Number),
    window: { start: row.windowStart, end: row.windowEnd },
  };
  return {
    station: {
      id: row.id,
      name: row.name,
      subtitle: row.subtitle,
      communityName: row.communityName,
      address: row.address,
      latitude: Number(row.latitude),
      longitude: Number(row.longitude),
      daysOfMonth: rule.daysOfMonth,
      window: rule.window,
    },
    rule,
  };
}

export async function listStations(db: Database): Promise<Station[]> {
  const rows = await stationQuery(db).orderBy('station.position').execute();
  return rows.map((row) => toStation(row).station);
}

export async function findStation(db: Database, stationId: string): Promise<StationWithRule | undefined> {
  const row = await stationQuery(db).where('station.id', '=', stationId).executeTakeFirst();
  return row && toStation(row);
}

export async function listOverrides(db: Database, stationId: string): Promise<SessionOverride[]> {
  const rows = await db.selectFrom('sessionOverride').selectAll().where('stationId', '=', stationId).execute();
  return rows.map((row): SessionOverride => {
    if (row.kind === 'cancelled') return { originalDate: row.originalDate, kind: 'cancelled', reason: row.reason };
    if (!row.newDate || !row.newWindowStart || !row.newWindowEnd) {
      throw new Error(`Moved session ${stationId}/${row.originalDate} has no new date or hours`);
    }
    return {
      originalDate: row.originalDate,
      kind: 'moved',
      newDate: row.newDate,
      newWindow: { start: row.newWindowStart, end: row.newWindowEnd },
      reason: row.reason,
    };
  });
}

const overrideProblemMessages: Record<OverrideProblem, string> = {
  'not-an-occurrence': '这一天不是该驿站的接待日',
  'already-over': '这次接待日已经结束，不能再取消或改期',
  'already-overridden': '这次接待日已经取消或改期过；如要更改，请先恢复',
  'window-reversed': '改期后的结束时间应晚于开始时间',
  'same-day': '改期后的日期与原日期相同',
  'in-the-past': '不能改期到已经过去的时间',
  'too-far': `改期不能超过原日期前后 ${MAX_MOVE_DAYS} 天`,
  'day-taken': '改期后的日期已有接待日（含已取消的），同一天不能安排两次',
};

/** Undoes a cancellation or a move, so that the session is held as the rule gives it. */
export async function removeOverride(db: Database, stationId: string, originalDate: string): Promise<void> {
  const removed = await db
    .deleteFrom('sessionOverride')
    .where('stationId', '=', stationId)
    .where('originalDate', '=', originalDate)
    .executeTakeFirst();
  if (Number(removed.numDeletedRows) === 0) {
    throw new AppError(404, 'SESSION_OVERRIDE_NOT_FOUND', '这一天的接待日没有被取消或改期');
  }
}

/**
 * Cancels or moves one session; the calendar rules decide whether it may. Given a transaction, it
 * works inside it, so that the session's feedback items can move in the same one.
 */
export async function saveOverride(
  db: Database,
  stationId: string,
  override: SessionOverride,
  now: Date,
): Promise<void> {
  const save = async (trx: Database) => {
    const found = await findStation(trx, stationId);
    if (!found) throw new AppError(404, 'STATION_NOT_FOUND', '找不到该驿站');
    const problem = checkOverride(found.rule, await listOverrides(trx, stationId), override, now);
    if (problem) throw new AppError(409, 'SESSION_OVERRIDE_REJECTED', overrideProblemMessages[problem]);
    await trx
      .insertInto('sessionOverride')
      .values({
        stationId,
        originalDate: override.originalDate,
        kind: override.kind,
        newDate: override.kind === 'moved' ? override.newDate : null,
        newWindowStart: override.kind === 'moved' ? override.newWindow.start : null,
        newWindowEnd: override.kind === 'moved' ? override.newWindow.end : null,
        reason: override.reason,
        createdAt: now.toISOString(),
      })
      .execute();
  };
  await (db.isTransaction ? save(db) : db.transaction().execute(save));
}
