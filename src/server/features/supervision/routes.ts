import type { FastifyInstance } from 'fastify';
import { supervisionContract } from '@core/supervision/contract';
import { AppError } from '../../shared/app-error';
import type { Principal } from '../../shared/principal';
import { addRoute } from '../../shared/route';
import { activitiesBetween, activitiesOf, logActivity } from './activity-log';

function userIdOf(principal: Principal): string {
  if (principal.kind !== 'user') throw new AppError(403, 'FORBIDDEN', '您没有权限进行这项操作');
  return principal.id;
}

/** Supervisors' log of the enforcement actions they attended on site, and the office's view of it. */
export async function supervisionRoutes(app: FastifyInstance): Promise<void> {
  addRoute(app, supervisionContract.logActivity, async ({ body, principal }) => logActivity(app.db, userIdOf(principal), body, app.now()));

  addRoute(app, supervisionContract.myActivities, async ({ principal }) => ({ activities: await activitiesOf(app.db, userIdOf(principal)) }));

  addRoute(app, supervisionContract.staffActivities, async ({ query }) => ({ activities: await activitiesBetween(app.db, query.from, query.to) }));
}
