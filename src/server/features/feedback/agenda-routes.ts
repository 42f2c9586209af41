import type { FastifyInstance } from 'fastify';
import { feedbackContract } from '@core/feedback/contract';
import { addRoute } from '../../shared/route';
import { changeSession, closeSession, findSessionSummary, loadAgenda } from './agenda';
import { staffIdOf } from './office-routes';

/** Sessions as the office runs them (agenda, close, cancel or move), and the summary anyone may read. */
export async function agendaRoutes(app: FastifyInstance): Promise<void> {
  addRoute(app, feedbackContract.agenda, async ({ params }) => loadAgenda(app.db, params.stationId, params.date, app.now()));

  addRoute(app, feedbackContract.closeSession, async ({ params, body, principal }) =>
    closeSession(app.db, params.stationId, params.date, body.note ?? null, staffIdOf(principal), app.now()),
  );

  addRoute(app, feedbackContract.changeSession, async ({ params, body, principal }) => {
    const override =
      body.kind === 'cancelled'
        ? { kind: body.kind, originalDate: params.date, reason: body.reason }
        : { kind: body.kind, originalDate: params.date, newDate: body.newDate, newWindow: body.newWindow, reason: body.reason };
    return changeSession(app.db, params.stationId, override, { kind: 'staff', staffId: staffIdOf(principal) }, app.now());
  });

  addRoute(app, feedbackContract.sessionSummary, async ({ params }) => findSessionSummary(app.db, params.stationId, params.date));
}
