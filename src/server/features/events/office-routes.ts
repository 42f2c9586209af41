import type { FastifyInstance } from 'fastify';
import { eventsContract } from '@core/events/contract';
import { reportsContract } from '@core/reports/contract';
import { shanghaiDateOf } from '@core/shared/shanghai-time';
import type { Principal } from '../../shared/principal';
import { addRoute } from '../../shared/route';
import { eventNotFound, findEvent, selectEvents, toPublicEvent } from './event-store';
import { cancelEvent, checkIn, createEvent, publishEvent, recordAttendance, updateEvent } from './office-events';
import { listSignUps, signUpWorkbook } from './sign-up-list';

/** The permission table lets only office accounts through; this names the colleague who acts. */
function staffIdOf(principal: Principal): string {
  if (principal.kind !== 'staff') throw new Error('An office route was reached without a staff sign-in');
  return principal.id;
}

/** The office's events: drafts to cancellations, the sign-up list, its export, check-in at the door, and the count of who came. */
export async function eventOfficeRoutes(app: FastifyInstance): Promise<void> {
  async function eventOr404(id: string) {
    const event = await findEvent(app.db, id);
    if (!event) throw eventNotFound();
    return toPublicEvent(event, app.now());
  }

  addRoute(app, eventsContract.staffList, async () => {
    const now = app.now();
    const rows = await selectEvents(app.db).orderBy('event.startsAt', 'desc').orderBy('event.id').execute();
    return { events: rows.map((row) => toPublicEvent(row, now)) };
  });

  addRoute(app, eventsContract.create, async ({ body, principal }) => eventOr404(await createEvent(app.db, body, staffIdOf(principal), app.now())));

  addRoute(app, eventsContract.update, async ({ params, body }) => {
    await updateEvent(app.db, params.id, body, app.now());
    return eventOr404(params.id);
  });

  addRoute(app, eventsContract.publish, async ({ params }) => {
    await publishEvent(app.db, params.id, app.now());
    return eventOr404(params.id);
  });

  addRoute(app, eventsContract.cancel, async ({ params, body }) => {
    await cancelEvent(app.db, params.id, body.reason, app.now());
    return eventOr404(params.id);
  });

  addRoute(app, eventsContract.signUps, async ({ params }) => ({
    event: await eventOr404(params.id),
    signUps: await listSignUps(app.db, params.id, app.now()),
  }));

  addRoute(app, eventsContract.signUpsFile, async ({ params }, reply) => {
    const event = await eventOr404(params.id);
    const workbook = await signUpWorkbook(event, await listSignUps(app.db, params.id, app.now()));
    const name = `${event.title}-报名名单-${shanghaiDateOf(new Date(event.startsAt))}.xlsx`;
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('Content-Disposition', `attachment; filename="sign-ups.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(workbook);
  });

  addRoute(app, eventsContract.checkIn, async ({ params, body, principal }) => {
    const now = app.now();
    const signUpId = await checkIn(app.db, params.id, body, staffIdOf(principal), now);
    const record = (await listSignUps(app.db, params.id, now)).find((r) => r.id === signUpId);
    if (!record) throw new Error(`Checked-in sign-up ${signUpId} cannot be read back`);
    return record;
  });

  addRoute(app, reportsContract.recordAttendance, async ({ params, body }) => {
    await recordAttendance(app.db, params.id, body.attendance, app.now());
    return eventOr404(params.id);
  });
}
