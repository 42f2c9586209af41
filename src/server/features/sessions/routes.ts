import type { FastifyInstance } from 'fastify';
import { sessionsBetween, upcomingSessions } from '@core/sessions/calendar';
import { calendarEntryFor } from '@core/sessions/calendar-entry';
import { sessionsContract } from '@core/sessions/contract';
import { toICalendar } from '@core/shared/icalendar';
import { AppError } from '../../shared/app-error';
import { addRoute } from '../../shared/route';
import { findStation, listOverrides, listStations } from './repository';

export async function sessionRoutes(app: FastifyInstance): Promise<void> {
  async function stationOr404(stationId: string) {
    const found = await findStation(app.db, stationId);
    if (!found) throw new AppError(404, 'STATION_NOT_FOUND', '找不到该驿站，请返回首页重新选择');
    return found;
  }

  addRoute(app, sessionsContract.listStations, async () => ({ stations: await listStations(app.db) }));

  addRoute(app, sessionsContract.listSessions, async ({ params, query }) => {
    const { station, rule } = await stationOr404(params.stationId);
    const overrides = await listOverrides(app.db, station.id);
    return { station, sessions: sessionsBetween(rule, overrides, query.from, query.to) };
  });

  addRoute(app, sessionsContract.upcomingSessions, async ({ params, query }) => {
    const { station, rule } = await stationOr404(params.stationId);
    const overrides = await listOverrides(app.db, station.id);
    return { station, sessions: upcomingSessions(rule, overrides, app.now(), query.count) };
  });

  addRoute(app, sessionsContract.sessionCalendarFile, async ({ params }, reply) => {
    const { station, rule } = await stationOr404(params.stationId);
    const overrides = await listOverrides(app.db, station.id);
    const session = sessionsBetween(rule, overrides, params.date, params.date).find((s) => s.status !== 'cancelled');
    if (!session) throw new AppError(404, 'SESSION_NOT_FOUND', '这一天没有接待日（可能已取消或改期），请刷新后再试');
    const ics = toICalendar(calendarEntryFor(station, session), app.now());
    return reply
      .type('text/calendar; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="session-${session.date}.ics"`)
      .send(ics);
  });
}
