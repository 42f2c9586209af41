import type { FastifyInstance } from 'fastify';
import { eventsContract } from '@core/events/contract';
import type { KeyDate } from '@core/events/schemas';
import { toICalendar } from '@core/shared/icalendar';
import { AppError } from '../../shared/app-error';
import type { Principal } from '../../shared/principal';
import { addRoute } from '../../shared/route';
import { listEvents } from './event-list';
import { eventNotFound, findEvent } from './event-store';
import { askReminder, cancelSignUp, checkInCodeOf, myEvent, signUp } from './sign-ups';

export interface EventRoutesOptions {
  /** The key dates of the publicity year (data/key-dates.json), read at start. */
  keyDates: readonly KeyDate[];
}

/** Phones remind an hour before: the day-before message is the subscribe message's job. */
const CALENDAR_REMIND_MINUTES = 60;

/** The routes are open to the people's roles only; this narrows the type for what follows. */
function personId(principal: Principal): string {
  if (principal.kind !== 'user') throw new AppError(403, 'FORBIDDEN', '您没有权限进行这项操作');
  return principal.id;
}

/** What residents do with events: the month's list, one event, sign-up, reminder, calendar, check-in code. */
export async function eventRoutes(app: FastifyInstance, options: EventRoutesOptions): Promise<void> {
  addRoute(app, eventsContract.list, async ({ query }) => listEvents(app.db, query, app.now(), options.keyDates));

  addRoute(app, eventsContract.event, async ({ params, principal }) =>
    myEvent(app.db, params.id, principal.kind === 'user' ? principal.id : null, app.now(), principal.kind === 'staff'),
  );

  addRoute(app, eventsContract.calendarFile, async ({ params }, reply) => {
    const event = await findEvent(app.db, params.id);
    if (!event || event.status === 'draft') throw eventNotFound();
    if (event.status === 'cancelled') throw new AppError(409, 'EVENT_CANCELLED', `活动已取消（${event.cancelReason ?? ''}），无需加入日历`);
    const ics = toICalendar(
      {
        uid: `event-${event.id}@fazhi-yizhan`,
        title: event.title,
        description: `${event.theme}（${event.organiser}）`,
        location: [event.placeName, event.placeAddress].filter(Boolean).join('，'),
        startsAt: new Date(event.startsAt),
        endsAt: new Date(event.endsAt),
        remindMinutesBefore: CALENDAR_REMIND_MINUTES,
      },
      app.now(),
    );
    return reply
      .type('text/calendar; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="event-${event.id}.ics"`)
      .send(ics);
  });

  addRoute(app, eventsContract.signUp, async ({ params, body, principal }) => {
    const userId = personId(principal);
    const now = app.now();
    await signUp(app.db, params.id, userId, body.people, { sharer: body.sharer, grid: body.grid }, now);
    return myEvent(app.db, params.id, userId, now);
  });

  addRoute(app, eventsContract.cancelSignUp, async ({ params, principal }) => {
    const userId = personId(principal);
    const now = app.now();
    await cancelSignUp(app.db, params.id, userId, now);
    return myEvent(app.db, params.id, userId, now);
  });

  addRoute(app, eventsContract.remind, async ({ params, principal }) => {
    const userId = personId(principal);
    const now = app.now();
    await askReminder(app.db, params.id, userId, now);
    return myEvent(app.db, params.id, userId, now);
  });

  addRoute(app, eventsContract.checkInCode, async ({ params, principal }) => checkInCodeOf(app.db, params.id, personId(principal), app.now()));
}
