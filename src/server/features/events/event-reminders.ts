import { addDays, shanghaiDateOf, shanghaiTimeOf } from '@core/shared/shanghai-time';
import type { Database } from '../../db/schema';
import { enqueueNotification, thing } from '../feedback/outbox';

/** The mini-program page of one event (app.config.ts), which its messages open. */
const EVENT_PAGE = 'packages/events/detail/index';

const EVENT_MESSAGE_KEY = /^event(?:-cancelled)?:([0-9a-f-]{36}):/;

/** Queued once per person: a cancelled event is announced once, however often the office retries. */
export function cancelledNoticeKey(eventId: string, userId: string): string {
  return `event-cancelled:${eventId}:${userId}`;
}

/** The page a message about an event opens (its outbox row names the event in its key), or null. */
export function eventPageOf(dedupeKey: string | null): string | null {
  const eventId = dedupeKey && EVENT_MESSAGE_KEY.exec(dedupeKey)?.[1];
  return eventId ? `${EVENT_PAGE}?id=${eventId}` : null;
}

/** The 'event' template's fields: the event, its start in Shanghai, and a note (the place, or why it was cancelled). */
export function eventMessage(title: string, startsAt: string, note: string): Record<string, { value: string }> {
  const at = new Date(startsAt);
  return { thing1: thing(title), time2: { value: `${shanghaiDateOf(at)} ${shanghaiTimeOf(at)}` }, thing3: thing(note) };
}

/**
 * Queues "活动明天举行" for each published event starting tomorrow (in Shanghai), one message to each
 * person who asked to be reminded. It may run any number of times a day: the key (event, person,
 * start) lets each be queued once, and an event moved to another day is announced again for it.
 */
export async function queueEventReminders(db: Database, now: Date): Promise<void> {
  const tomorrow = addDays(shanghaiDateOf(now), 1);
  const from = new Date(`${tomorrow}T00:00:00+08:00`).toISOString();
  const to = new Date(`${addDays(tomorrow, 1)}T00:00:00+08:00`).toISOString();
  const wishes = await db
    .selectFrom('eventReminder')
    .innerJoin('event', 'event.id', 'eventReminder.eventId')
    .select(['event.id as eventId', 'event.title', 'event.startsAt', 'event.placeName', 'eventReminder.userId'])
    .where('event.status', '=', 'published')
    .where('event.startsAt', '>=', from)
    .where('event.startsAt', '<', to)
    .orderBy('event.id')
    .orderBy('eventReminder.userId')
    .execute();
  if (wishes.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (const wish of wishes) {
      await enqueueNotification(
        trx,
        {
          userId: wish.userId,
          itemId: null,
          template: 'event',
          payload: eventMessage(wish.title, wish.startsAt, wish.placeName),
          dedupeKey: `event:${wish.eventId}:${wish.userId}:${wish.startsAt}`,
        },
        now,
      );
    }
  });
}
