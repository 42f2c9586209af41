import { BINDING_CODE_ALPHABET } from '@core/identity/binding-code';
import type { MyEvent } from '@core/events/schemas';
import { shanghaiDateOf } from '@core/shared/shanghai-time';
import type { Database } from '../../db/schema';
import { AppError } from '../../shared/app-error';
import { newId, randomCode } from '../../shared/secrets';
import { attributionColumns, attributionFor, recordCardOpen } from '../sharing/attribution';
import { eventNotFound, findEvent, lockEvent, timingOf, toPublicEvent, type EventRow } from './event-store';

/** Read off a phone at a desk: the alphabet without 0/O or 1/I/L. */
const CHECK_IN_CODE_LENGTH = 8;

/** As staff may type it: lower case, with the space or dash of the grouped display. */
export function normalizeCheckInCode(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

/** Why no one may sign up (or ask to be reminded) now, or null when they may. */
function closedToSignUps(event: EventRow, now: Date): AppError | null {
  if (event.status === 'draft') return new AppError(409, 'EVENT_NOT_PUBLISHED', '活动还没有发布，暂不能报名');
  if (event.status === 'cancelled') return new AppError(409, 'EVENT_CANCELLED', `活动已取消，不能报名（${event.cancelReason ?? ''}）`);
  if (timingOf(event, now) === 'past') return new AppError(409, 'EVENT_ENDED', '活动已结束，不能报名');
  return null;
}

/** A code no other sign-up of the event holds; the event's row is held, so no one takes it meanwhile. */
async function freeCheckInCode(trx: Database, eventId: string): Promise<string> {
  for (;;) {
    const code = randomCode(BINDING_CODE_ALPHABET, CHECK_IN_CODE_LENGTH);
    const taken = await trx.selectFrom('eventSignUp').select('id').where('eventId', '=', eventId).where('checkInCode', '=', code).executeTakeFirst();
    if (!taken) return code;
  }
}

/** The sharer and grid of the card the sign-up's page was opened with, as its path carried them. */
export interface SignUpCard {
  sharer?: string;
  grid?: string;
}

/**
 * Signs a person (and those coming with them) up within the places left. The event's row is held for
 * the whole transaction, so parallel sign-ups count one after another and never overbook; a second
 * sign-up of the same person finds the first and changes nothing.
 */
export async function signUp(db: Database, eventId: string, userId: string, people: number, card: SignUpCard, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const event = await lockEvent(trx, eventId);
    const existing = await trx
      .selectFrom('eventSignUp')
      .select(['id', 'cancelledAt'])
      .where('eventId', '=', eventId)
      .where('userId', '=', userId)
      .executeTakeFirst();
    if (existing && existing.cancelledAt === null) return;
    const closed = closedToSignUps(event, now);
    if (closed) throw closed;
    if (event.capacity !== null) {
      const left = Number(event.capacity) - Number(event.signedUp);
      if (left <= 0) throw new AppError(409, 'EVENT_FULL', '名额已满');
      if (left < people) throw new AppError(409, 'EVENT_FULL', `名额不足，只剩 ${left} 个名额`);
    }
    // The app reports the card's open without waiting: it may not have landed yet, so it is recorded here
    // first, by the same rules (a card opened earlier still wins).
    if (card.sharer) await recordCardOpen(trx, userId, { kind: 'event', itemId: eventId, ...card }, now);
    const fields = {
      people,
      signedUpAt: now.toISOString(),
      cancelledAt: null,
      ...attributionColumns(await attributionFor(trx, userId, 'event', eventId)),
    };
    if (existing) {
      // Signing up again after cancelling: the same row and check-in code come back.
      await trx.updateTable('eventSignUp').set(fields).where('id', '=', existing.id).execute();
    } else {
      await trx
        .insertInto('eventSignUp')
        .values({ id: newId(), eventId, userId, ...fields, checkInCode: await freeCheckInCode(trx, eventId), checkedInAt: null, checkedInBy: null })
        .execute();
    }
    await trx
      .updateTable('event')
      .set((eb) => ({ signedUp: eb('signedUp', '+', people) }))
      .where('id', '=', eventId)
      .execute();
  });
}

/** Gives the places back; cancelling what is not (or no longer) signed up changes nothing. */
export async function cancelSignUp(db: Database, eventId: string, userId: string, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const event = await lockEvent(trx, eventId);
    const signUpRow = await trx
      .selectFrom('eventSignUp')
      .select(['id', 'people', 'checkedInAt'])
      .where('eventId', '=', eventId)
      .where('userId', '=', userId)
      .where('cancelledAt', 'is', null)
      .executeTakeFirst();
    if (!signUpRow) return;
    if (timingOf(event, now) === 'past') throw new AppError(409, 'EVENT_ENDED', '活动已结束，不能取消报名');
    if (signUpRow.checkedInAt !== null) throw new AppError(409, 'ALREADY_CHECKED_IN', '您已经签到，不能取消报名');
    await trx.updateTable('eventSignUp').set({ cancelledAt: now.toISOString() }).where('id', '=', signUpRow.id).execute();
    await trx
      .updateTable('event')
      .set((eb) => ({ signedUp: eb('signedUp', '-', Number(signUpRow.people)) }))
      .where('id', '=', eventId)
      .execute();
  });
}

/**
 * Records "提醒我" for the day before the event (Shanghai). Asked on the day itself or later, no
 * reminder could be sent, so the person is told rather than left waiting for one.
 */
export async function askReminder(db: Database, eventId: string, userId: string, now: Date): Promise<void> {
  const event = await findEvent(db, eventId);
  if (!event || event.status === 'draft') throw eventNotFound();
  if (event.status === 'cancelled') throw new AppError(409, 'EVENT_CANCELLED', '活动已取消，不再发送提醒');
  if (shanghaiDateOf(new Date(event.startsAt)) <= shanghaiDateOf(now)) {
    throw new AppError(409, 'TOO_LATE_TO_REMIND', timingOf(event, now) === 'upcoming' ? '活动就在今天，不再发送前一天的提醒' : '活动已开始或已结束，不再发送提醒');
  }
  await db
    .insertInto('eventReminder')
    .values({ eventId, userId, askedAt: now.toISOString() })
    .onConflict((oc) => oc.columns(['eventId', 'userId']).doNothing())
    .execute();
}

/** The person's check-in code, shown at the event until it ends. */
export async function checkInCodeOf(db: Database, eventId: string, userId: string, now: Date): Promise<{ code: string; expiresAt: string }> {
  const event = await findEvent(db, eventId);
  if (!event || event.status === 'draft') throw eventNotFound();
  const signUpRow = await db
    .selectFrom('eventSignUp')
    .select('checkInCode')
    .where('eventId', '=', eventId)
    .where('userId', '=', userId)
    .where('cancelledAt', 'is', null)
    .executeTakeFirst();
  if (!signUpRow) throw new AppError(404, 'NOT_SIGNED_UP', '您还没有报名这场活动');
  if (event.status === 'cancelled') throw new AppError(409, 'EVENT_CANCELLED', '活动已取消，无需签到');
  if (timingOf(event, now) === 'past') throw new AppError(409, 'EVENT_ENDED', '活动已结束，签到码已失效');
  return { code: signUpRow.checkInCode, expiresAt: event.endsAt };
}

/** The event as the person sees it: drafts are the office's alone; `mine` says where they stand. */
export async function myEvent(db: Database, eventId: string, userId: string | null, now: Date, staff = false): Promise<MyEvent> {
  const event = await findEvent(db, eventId);
  if (!event || (event.status === 'draft' && !staff)) throw eventNotFound();
  if (userId === null) return { ...toPublicEvent(event, now), mine: null };
  const [signUpRow, reminder] = await Promise.all([
    db
      .selectFrom('eventSignUp')
      .select('checkedInAt')
      .where('eventId', '=', eventId)
      .where('userId', '=', userId)
      .where('cancelledAt', 'is', null)
      .executeTakeFirst(),
    db.selectFrom('eventReminder').select('askedAt').where('eventId', '=', eventId).where('userId', '=', userId).executeTakeFirst(),
  ]);
  return {
    ...toPublicEvent(event, now),
    mine: { signedUp: Boolean(signUpRow), reminder: Boolean(reminder), checkedIn: Boolean(signUpRow?.checkedInAt) },
  };
}
