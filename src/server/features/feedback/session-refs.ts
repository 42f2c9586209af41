import type { SessionRef } from '@core/feedback/schemas';
import { sessionByOriginalDate, type SessionOverride } from '@core/sessions/calendar';
import type { Database } from '../../db/schema';
import { AppError } from '../../shared/app-error';
import { findStation, listOverrides, type StationWithRule } from '../sessions/repository';

/** What turns an item's (station, session key) into the session as residents and staff see it. */
export interface StationSessions extends StationWithRule {
  overrides: SessionOverride[];
  closedDates: ReadonlySet<string>;
}

export async function loadStationSessions(db: Database, stationId: string): Promise<StationSessions | undefined> {
  const found = await findStation(db, stationId);
  if (!found) return undefined;
  const [overrides, closed] = await Promise.all([
    listOverrides(db, stationId),
    db.selectFrom('sessionRecord').select('sessionDate').where('stationId', '=', stationId).execute(),
  ]);
  return { ...found, overrides, closedDates: new Set(closed.map((r) => r.sessionDate)) };
}

export function toSessionRef(context: StationSessions, originalDate: string): SessionRef {
  const session = sessionByOriginalDate(context.rule, context.overrides, originalDate);
  // Items are only ever assigned to dates the rule gives; a rule changed since is the office's to repair.
  if (!session) throw new AppError(409, 'SESSION_RULE_CHANGED', '该接待日已不在驿站的日程中，请联系法治建设科');
  return {
    stationId: context.station.id,
    stationName: context.station.name,
    originalDate,
    date: session.date,
    window: session.window,
    status: session.status,
    closed: context.closedDates.has(originalDate),
  };
}
