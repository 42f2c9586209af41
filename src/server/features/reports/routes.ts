import type { FastifyInstance } from 'fastify';
import { SessionSummarySchema } from '@core/feedback/schemas';
import { shanghaiYearOf, yearPeriod } from '@core/reports/period';
import { reportsContract } from '@core/reports/contract';
import type { Transparency } from '@core/reports/schemas';
import type { Database } from '../../db/schema';
import { addRoute } from '../../shared/route';
import { annualFigures, annualSummary } from './annual-summary';
import { dashboard } from './dashboard';
import { scopeOf, sessionsClosedInScope } from './scope';

/**
 * How long one reading of a year's public figures answers everyone. The page reads a whole year's records;
 * many residents behind one village carrier's address would soon exhaust a per-address limit, so each
 * server process reads a year at most once a minute instead, and the figures are at most a minute old.
 */
export const TRANSPARENCY_CACHE_MS = 60_000;

/** What anyone may read: the year's anonymised figures, its session summaries and how to reach the office. */
async function transparency(db: Database, year: number, now: Date): Promise<Transparency> {
  const [town, figures, records] = await Promise.all([
    db.selectFrom('town').select(['name', 'office', 'hotline', 'email']).where('id', '=', 1).executeTakeFirstOrThrow(),
    annualFigures(db, year, now),
    sessionsClosedInScope(db, scopeOf(yearPeriod(year)))
      .select('sessionRecord.summary')
      .orderBy('sessionRecord.closedAt', 'desc')
      .orderBy('sessionRecord.stationId')
      .execute(),
  ]);
  return {
    year,
    town: town.name,
    office: town.office,
    contact: { hotline: town.hotline, email: town.email },
    figures,
    // The summaries as published at each close, the same that feedback.sessionSummary serves.
    sessions: records.map((record) => SessionSummarySchema.parse(JSON.parse(record.summary))),
  };
}

/** The public page of a year, read afresh when the last reading is a minute old (by the server's clock). */
function cachedTransparency(app: FastifyInstance): (year: number) => Promise<Transparency> {
  const readings = new Map<number, { at: number; answer: Promise<Transparency> }>();
  return (year) => {
    const now = app.now();
    const last = readings.get(year);
    if (last && now.getTime() - last.at < TRANSPARENCY_CACHE_MS) return last.answer;
    const answer = transparency(app.db, year, now);
    readings.set(year, { at: now.getTime(), answer });
    // A failed reading is not kept: the next request tries again.
    answer.catch(() => {
      if (readings.get(year)?.answer === answer) readings.delete(year);
    });
    return answer;
  };
}

export async function reportRoutes(app: FastifyInstance): Promise<void> {
  addRoute(app, reportsContract.dashboard, async ({ query }) => dashboard(app.db, query, app.now()));

  addRoute(app, reportsContract.annualSummary, async ({ query }) => annualSummary(app.db, query.year, app.now()));

  const publicPage = cachedTransparency(app);
  addRoute(app, reportsContract.transparency, async ({ query }) => publicPage(query.year ?? shanghaiYearOf(app.now())));
}
