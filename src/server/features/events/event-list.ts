import type { RouteQuery } from '@core/api/contract';
import type { eventsContract } from '@core/events/contract';
import type { EventList, KeyDate } from '@core/events/schemas';
import { shanghaiDateOf } from '@core/shared/shanghai-time';
import type { Database } from '../../db/schema';
import { assertCommunity, selectEvents, toPublicEvent } from './event-store';
import { keyDatesInYears } from './key-dates';

/** Events after the month shown that the list carries as 接下来 (enough for a few months ahead). */
const UPCOMING_AFTER_MONTH = 20;

/** The first instant of a Shanghai month, as stored (UTC ISO). */
function monthStartInstant(year: number, month: number): string {
  const normalised = month > 12 ? { year: year + 1, month: 1 } : { year, month };
  return new Date(`${normalised.year}-${String(normalised.month).padStart(2, '0')}-01T00:00:00+08:00`).toISOString();
}

/**
 * What residents see for a month (Shanghai; this month unless named): the published and cancelled
 * events held in it, then those after it; past ones only when asked for. Cancelled ones stay listed,
 * marked and with their reason, so that nobody turns up for them.
 */
export async function listEvents(db: Database, query: RouteQuery<typeof eventsContract.list>, now: Date, keyDates: readonly KeyDate[]): Promise<EventList> {
  const month = query.month ?? shanghaiDateOf(now).slice(0, 7);
  const [year, monthNumber] = month.split('-').map(Number);
  const monthStart = monthStartInstant(year, monthNumber);
  const monthEnd = monthStartInstant(year, monthNumber + 1);
  if (query.communityId !== undefined) await assertCommunity(db, query.communityId);

  let visible = selectEvents(db).where('event.status', 'in', ['published', 'cancelled']).where('event.endsAt', '>', monthStart);
  if (query.past !== '1') visible = visible.where('event.endsAt', '>', now.toISOString());
  if (query.communityId !== undefined) visible = visible.where('event.communityId', '=', query.communityId);
  if (query.type !== undefined) visible = visible.where('event.type', '=', query.type);
  const [inMonth, after] = await Promise.all([
    visible.where('event.startsAt', '<', monthEnd).orderBy('event.startsAt').orderBy('event.id').execute(),
    visible.where('event.startsAt', '>=', monthEnd).orderBy('event.startsAt').orderBy('event.id').limit(UPCOMING_AFTER_MONTH).execute(),
  ]);
  const events = [...inMonth, ...after].map((row) => toPublicEvent(row, now));

  // The month's year, and the next one when the list reaches into it (a December calendar looks ahead).
  const lastYear = Math.max(year, ...events.map((e) => Number(shanghaiDateOf(new Date(e.startsAt)).slice(0, 4))));
  const years = lastYear > year ? [year, year + 1] : [year];
  const communities = await db.selectFrom('community').select(['id', 'name']).orderBy('id').execute();
  return { events, keyDates: keyDatesInYears(keyDates, years), communities };
}
