import type { Transaction } from 'kysely';
import type { EventInput, PublicEvent } from '@core/events/schemas';
import type { Database, DatabaseSchema, EventTable } from '../../db/schema';
import { AppError } from '../../shared/app-error';

type Trx = Transaction<DatabaseSchema>;
export type EventRow = EventTable & { communityName: string };

export function eventNotFound(): AppError {
  return new AppError(404, 'EVENT_NOT_FOUND', '找不到这场活动，可能已被删除或还未发布');
}

/** The event with its community's name; drafts included, for the callers that decide who may see them. */
export function selectEvents(db: Database | Trx) {
  return db.selectFrom('event').innerJoin('community', 'community.id', 'event.communityId').selectAll('event').select('community.name as communityName');
}

export async function findEvent(db: Database | Trx, id: string): Promise<EventRow | undefined> {
  return selectEvents(db).where('event.id', '=', id).executeTakeFirst();
}

/**
 * Holds the event's row until the transaction ends (the idiom of feedback/row-locks.ts: in PostgreSQL
 * the update locks the row, in SQLite it takes the database's write lock), then reads it: sign-ups,
 * cancellations, edits and check-ins of one event take their turns and each sees the last one's count.
 */
export async function lockEvent(trx: Trx, id: string): Promise<EventRow> {
  await trx
    .updateTable('event')
    .set((eb) => ({ id: eb.ref('id') }))
    .where('id', '=', id)
    .execute();
  const event = await findEvent(trx, id);
  if (!event) throw eventNotFound();
  return event;
}

export function timingOf(event: Pick<EventTable, 'startsAt' | 'endsAt'>, now: Date): PublicEvent['timing'] {
  const at = now.getTime();
  if (at < Date.parse(event.startsAt)) return 'upcoming';
  return at < Date.parse(event.endsAt) ? 'ongoing' : 'past';
}

export function toPublicEvent(row: EventRow, now: Date): PublicEvent {
  const signedUp = Number(row.signedUp);
  const capacity = row.capacity === null ? null : Number(row.capacity);
  return {
    id: row.id,
    title: row.title,
    type: row.type,
    theme: row.theme,
    law: row.law,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    place: {
      name: row.placeName,
      address: row.placeAddress,
      latitude: row.latitude === null ? null : Number(row.latitude),
      longitude: row.longitude === null ? null : Number(row.longitude),
    },
    communityId: row.communityId,
    communityName: row.communityName,
    organiser: row.organiser,
    capacity,
    signedUp,
    placesLeft: capacity === null ? null : Math.max(capacity - signedUp, 0),
    description: row.description,
    status: row.status,
    cancelReason: row.cancelReason,
    attendance: row.attendance === null ? null : Number(row.attendance),
    timing: timingOf(row, now),
  };
}

export async function assertCommunity(db: Database | Trx, communityId: string): Promise<void> {
  const found = await db.selectFrom('community').select('id').where('id', '=', communityId).executeTakeFirst();
  if (!found) throw new AppError(400, 'COMMUNITY_NOT_FOUND', '找不到这个社区或村，请重新选择');
}

/** The columns an office form sets, as stored: instants in UTC, so that text order is time order. */
export function eventFields(input: EventInput) {
  return {
    title: input.title,
    type: input.type,
    theme: input.theme,
    law: input.law || null,
    startsAt: new Date(input.startsAt).toISOString(),
    endsAt: new Date(input.endsAt).toISOString(),
    placeName: input.place.name,
    placeAddress: input.place.address || null,
    latitude: input.place.latitude ?? null,
    longitude: input.place.longitude ?? null,
    communityId: input.communityId,
    organiser: input.organiser,
    capacity: input.capacity,
    description: input.description,
  };
}
