import type { FastifyInstance } from 'fastify';
import { feedbackContract } from '@core/feedback/contract';
import { addRoute } from '../../shared/route';
import type { Principal } from '../../shared/principal';
import { actOnItem, listInbox } from './office-actions';
import { loadStaffDetail } from './staff-views';

/** The permission table lets only office accounts through; this names the colleague who acts. */
export function staffIdOf(principal: Principal): string {
  if (principal.kind !== 'staff') throw new Error('An office route was reached without a staff sign-in');
  return principal.id;
}

/** The office's inbox and its work on one item. */
export async function officeRoutes(app: FastifyInstance): Promise<void> {
  addRoute(app, feedbackContract.inbox, async ({ query }) => listInbox(app.db, query, app.now()));

  addRoute(app, feedbackContract.item, async ({ params }) => loadStaffDetail(app.db, params.id, app.now()));

  addRoute(app, feedbackContract.act, async ({ params, body, principal }) => {
    const now = app.now();
    await actOnItem(app.db, params.id, body, staffIdOf(principal), now);
    return loadStaffDetail(app.db, params.id, now);
  });
}
