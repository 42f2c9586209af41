import { OPEN_STATUSES } from '@core/feedback/workflow';
import { sessionsBetween } from '@core/sessions/calendar';
import { addDays, shanghaiDateOf } from '@core/shared/shanghai-time';
import type { Database } from '../../db/schema';
import { listStations } from '../sessions/repository';
import { enqueueNotification, thing } from './outbox';
import { loadStationSessions } from './session-refs';

/**
 * Queues the "session tomorrow" message (DESIGN §3): for each session held tomorrow (in Shanghai) that
 * the office has not closed, one message to each person with items still open on it, anonymous ones
 * included — the link is kept so that they can be told. It may run any number of times a day: the
 * message's key (person, station, session and the day it is held) lets each be queued once, and a
 * session moved to another day is announced again for that day.
 */
export async function queueSessionReminders(db: Database, now: Date): Promise<void> {
  const tomorrow = addDays(shanghaiDateOf(now), 1);
  for (const station of await listStations(db)) {
    const context = await loadStationSessions(db, station.id);
    if (!context) continue;
    const held = sessionsBetween(context.rule, context.overrides, tomorrow, tomorrow).filter(
      (s) => s.status !== 'cancelled' && !context.closedDates.has(s.originalDate),
    );
    for (const session of held) {
      const submitters = await db
        .selectFrom('feedbackItem')
        .select(['submitterId', (eb) => eb.fn.countAll().as('items')])
        .where('stationId', '=', station.id)
        .where('sessionDate', '=', session.originalDate)
        .where('status', 'in', OPEN_STATUSES)
        .groupBy('submitterId')
        .orderBy('submitterId')
        .execute();
      if (submitters.length === 0) continue;
      await db.transaction().execute(async (trx) => {
        for (const { submitterId, items } of submitters) {
          const request = {
            userId: submitterId,
            itemId: null,
            template: 'session' as const,
            payload: {
              thing1: thing(station.name),
              time2: { value: `${session.date} ${session.window.start}` },
              thing3: thing(`您有 ${Number(items)} 条反馈在这次接待日办理`),
            },
            dedupeKey: `session:${submitterId}:${station.id}:${session.originalDate}:${session.date}`,
          };
          await enqueueNotification(trx, request, now);
        }
      });
    }
  }
}
