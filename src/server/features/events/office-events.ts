import type { EventInput } from '@core/events/schemas';
import type { Database } from '../../db/schema';
import { AppError } from '../../shared/app-error';
import { newId } from '../../shared/secrets';
import { enqueueNotification } from '../feedback/outbox';
import { assertCommunity, eventFields, lockEvent, timingOf } from './event-store';
import { cancelledNoticeKey, eventMessage } from './event-reminders';
import { normalizeCheckInCode } from './sign-ups';

/** A new event, as a draft only the office sees. */
export async function createEvent(db: Database, input: EventInput, staffId: string, now: Date): Promise<string> {
  await assertCommunity(db, input.communityId);
  if (Date.parse(input.endsAt) <= now.getTime()) throw new AppError(400, 'EVENT_IN_PAST', '结束时间已经过去，不能新建已结束的活动');
  const id = newId();
  await db
    .insertInto('event')
    .values({
      id,
      ...eventFields(input),
      signedUp: 0,
      status: 'draft',
      cancelReason: null,
      attendance: null,
      createdBy: staffId,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    })
    .execute();
  return id;
}

/** Edits an event; the places can never drop below the people already signed up. */
export async function updateEvent(db: Database, id: string, input: EventInput, now: Date): Promise<void> {
  await assertCommunity(db, input.communityId);
  await db.transaction().execute(async (trx) => {
    const event = await lockEvent(trx, id);
    if (event.status === 'cancelled') throw new AppError(409, 'EVENT_CANCELLED', '活动已取消，不能再修改');
    const signedUp = Number(event.signedUp);
    if (input.capacity !== null && input.capacity < signedUp) {
      throw new AppError(409, 'CAPACITY_BELOW_SIGN_UPS', `已有 ${signedUp} 人报名，名额不能少于 ${signedUp} 人`);
    }
    await trx
      .updateTable('event')
      .set({ ...eventFields(input), updatedAt: now.toISOString() })
      .where('id', '=', id)
      .execute();
  });
}

/** Makes a draft visible to residents; publishing it again changes nothing. */
export async function publishEvent(db: Database, id: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const event = await lockEvent(trx, id);
    if (event.status === 'published') return;
    if (event.status === 'cancelled') throw new AppError(409, 'EVENT_CANCELLED', '活动已取消，不能发布');
    if (timingOf(event, now) === 'past') throw new AppError(409, 'EVENT_ENDED', '活动已结束，不能发布，请先修改时间');
    await trx.updateTable('event').set({ status: 'published', updatedAt: now.toISOString() }).where('id', '=', id).execute();
  });
}

/**
 * Cancels an event with the reason residents will read, and in the same transaction queues a message
 * to each person signed up, so that none of them is left to find out at the door. It goes as the
 * 'event' template, the one the event's page asks for on 报名 and 提醒我.
 */
export async function cancelEvent(db: Database, id: string, reason: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const event = await lockEvent(trx, id);
    if (event.status === 'cancelled') throw new AppError(409, 'EVENT_CANCELLED', '这场活动已经取消了');
    if (timingOf(event, now) === 'past') throw new AppError(409, 'EVENT_ENDED', '活动已结束，不能取消');
    await trx
      .updateTable('event')
      .set({ status: 'cancelled', cancelReason: reason, updatedAt: now.toISOString() })
      .where('id', '=', id)
      .execute();
    const signedUp = await trx
      .selectFrom('eventSignUp')
      .select('userId')
      .where('eventId', '=', id)
      .where('cancelledAt', 'is', null)
      .orderBy('signedUpAt')
      .execute();
    for (const { userId } of signedUp) {
      await enqueueNotification(
        trx,
        {
          userId,
          itemId: null,
          template: 'event',
          payload: eventMessage(event.title, event.startsAt, `已取消：${reason}`),
          dedupeKey: cancelledNoticeKey(id, userId),
        },
        now,
      );
    }
  });
}

/**
 * Checks a person in by the code on their phone or from the list, while the event runs (or before, as
 * people arrive early). A second check-in of the same sign-up finds the first and keeps its time.
 */
export async function checkIn(db: Database, eventId: string, by: { code: string } | { signUpId: string }, staffId: string, now: Date): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const event = await lockEvent(trx, eventId);
    if (event.status !== 'published') throw new AppError(409, 'EVENT_NOT_OPEN', event.status === 'cancelled' ? '活动已取消，不能签到' : '活动还没有发布，不能签到');
    if (timingOf(event, now) === 'past') throw new AppError(409, 'EVENT_ENDED', '活动已结束，不能再签到');
    let found = trx.selectFrom('eventSignUp').select(['id', 'checkedInAt']).where('eventId', '=', eventId).where('cancelledAt', 'is', null);
    found = 'code' in by ? found.where('checkInCode', '=', normalizeCheckInCode(by.code)) : found.where('id', '=', by.signUpId);
    const signUpRow = await found.executeTakeFirst();
    if (!signUpRow) {
      throw 'code' in by
        ? new AppError(404, 'CHECK_IN_CODE_UNKNOWN', '签到码不对或不是本场活动的')
        : new AppError(404, 'SIGN_UP_NOT_FOUND', '找不到这条报名，可能已取消');
    }
    if (signUpRow.checkedInAt === null) {
      await trx
        .updateTable('eventSignUp')
        .set({ checkedInAt: now.toISOString(), checkedInBy: staffId })
        .where('id', '=', signUpRow.id)
        .where('checkedInAt', 'is', null)
        .execute();
    }
    return signUpRow.id;
  });
}

/**
 * Records how many people were there, once the event has begun (counted at the door or afterwards);
 * a later count replaces an earlier one. A stall on 3·15 has no sign-ups: this is its only audience figure.
 */
export async function recordAttendance(db: Database, id: string, attendance: number, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const event = await lockEvent(trx, id);
    if (event.status !== 'published') {
      throw new AppError(409, 'EVENT_NOT_HELD', event.status === 'cancelled' ? '活动已取消，不能登记实到人数' : '活动还没有发布，不能登记实到人数');
    }
    if (timingOf(event, now) === 'upcoming') throw new AppError(409, 'EVENT_NOT_STARTED', '活动还没有开始，不能登记实到人数');
    await trx.updateTable('event').set({ attendance, updatedAt: now.toISOString() }).where('id', '=', id).execute();
  });
}
