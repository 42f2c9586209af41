import type { Transaction } from 'kysely';
import { nextOpenSession } from '@core/feedback/session-assignment';
import {
  SessionSummarySchema,
  type Agenda,
  type SessionClosed,
  type SessionRef,
  type SessionSummary,
} from '@core/feedback/schemas';
import { isOpen, OPEN_STATUSES, type FeedbackStatus } from '@core/feedback/workflow';
import { sessionByOriginalDate, type Session, type SessionOverride } from '@core/sessions/calendar';
import type { Database, DatabaseSchema } from '../../db/schema';
import { AppError } from '../../shared/app-error';
import { saveOverride } from '../sessions/repository';
import { appendEvent } from './events';
import { itemsWithCategory } from './item-common';
import { lockItems, lockStation } from './row-locks';
import { loadStationSessions, toSessionRef, type StationSessions } from './session-refs';
import { toStaffSummaries } from './staff-views';

type Trx = Transaction<DatabaseSchema>;

/** Who changed a session: a colleague through the staff pages, or the office's command line. */
export type SessionActor = { kind: 'staff'; staffId: string } | { kind: 'system' };

const CARRIED_OVER_AT_CLOSE = '接待日结束时尚未办结，转入下一次接待日';
const CARRIED_OVER_AT_REOPEN = '退回重新办理时原接待日已结束，转入下一次接待日';
const ANSWERED: readonly FeedbackStatus[] = ['replied', 'closed', 'rejected'];

interface ResolvedSession {
  context: StationSessions;
  session: Session;
}

async function stationOr404(db: Database, stationId: string): Promise<StationSessions> {
  const context = await loadStationSessions(db, stationId);
  if (!context) throw new AppError(404, 'STATION_NOT_FOUND', '找不到该驿站');
  return context;
}

/**
 * The session a path names: by its key (the day the rule gave it), or by the day a moved session is
 * now held, which is the date a resident was told.
 */
function sessionNamed(context: StationSessions, date: string): Session {
  const byKey = sessionByOriginalDate(context.rule, context.overrides, date);
  if (byKey) return byKey;
  const moved = context.overrides.find((o) => o.kind === 'moved' && o.newDate === date);
  const session = moved && sessionByOriginalDate(context.rule, context.overrides, moved.originalDate);
  if (!session) throw new AppError(404, 'SESSION_NOT_FOUND', `${context.station.name}在 ${date} 没有接待日`);
  return session;
}

async function resolveSession(db: Database, stationId: string, date: string): Promise<ResolvedSession> {
  const context = await stationOr404(db, stationId);
  return { context, session: sessionNamed(context, date) };
}

async function storedSummary(db: Database, stationId: string, key: string): Promise<SessionSummary | null> {
  const record = await db
    .selectFrom('sessionRecord')
    .select('summary')
    .where('stationId', '=', stationId)
    .where('sessionDate', '=', key)
    .executeTakeFirst();
  return record ? SessionSummarySchema.parse(JSON.parse(record.summary)) : null;
}

/** A session's agenda: its items in the order they came in, and its summary once it has closed. */
export async function loadAgenda(db: Database, stationId: string, date: string, now: Date): Promise<Agenda> {
  const { context, session } = await resolveSession(db, stationId, date);
  const rows = await itemsWithCategory(db)
    .where('feedbackItem.stationId', '=', stationId)
    .where('feedbackItem.sessionDate', '=', session.originalDate)
    .orderBy('feedbackItem.submittedAt')
    .orderBy('feedbackItem.id')
    .execute();
  return {
    session: toSessionRef(context, session.originalDate),
    items: await toStaffSummaries(db, rows, now),
    summary: await storedSummary(db, stationId, session.originalDate),
  };
}

/** The public summary of a closed session. */
export async function findSessionSummary(db: Database, stationId: string, date: string): Promise<SessionSummary> {
  const { session } = await resolveSession(db, stationId, date);
  const summary = await storedSummary(db, stationId, session.originalDate);
  if (!summary) throw new AppError(404, 'SESSION_SUMMARY_NOT_FOUND', '这次接待日还没有结束，小结尚未发布');
  return summary;
}

/** Writes a 'moved' event into each item's history: who moved it, from where to where, and why. */
async function recordMoves(
  trx: Trx,
  itemIds: readonly string[],
  move: { movedFrom: string; movedTo: string; text: string },
  actor: SessionActor,
  now: Date,
): Promise<void> {
  for (const id of itemIds) {
    await appendEvent(trx, id, {
      action: 'moved',
      at: now.toISOString(),
      actorKind: actor.kind,
      staffId: actor.kind === 'staff' ? actor.staffId : null,
      ...move,
    });
  }
}

function noSessionAhead(stationName: string): AppError {
  return new AppError(409, 'NO_SESSION_AHEAD', `${stationName}之后没有可转入的接待日，请先检查驿站的接待日安排`);
}

/** Counts over the items on the agenda at close; it names no one. */
async function summarise(
  trx: Trx,
  items: readonly { categoryId: string; status: FeedbackStatus }[],
  carriedOver: number,
): Promise<Pick<SessionSummary, 'raised' | 'answered' | 'carriedOver' | 'byCategory'>> {
  const categories = await trx.selectFrom('feedbackCategory').select(['id', 'name']).orderBy('position').execute();
  const byCategory = categories
    .map((category) => {
      const raised = items.filter((i) => i.categoryId === category.id);
      const answered = raised.filter((i) => ANSWERED.includes(i.status));
      return { categoryName: category.name, raised: raised.length, answered: answered.length };
    })
    .filter((c) => c.raised > 0);
  return {
    raised: items.length,
    answered: items.filter((i) => ANSWERED.includes(i.status)).length,
    carriedOver,
    byCategory,
  };
}

/**
 * Ends a session that has started: items still open carry over to the next open session, and the
 * anonymised summary is stored for anyone to read. Of two closes at once, one succeeds.
 */
export async function closeSession(
  db: Database,
  stationId: string,
  date: string,
  note: string | null,
  staffId: string,
  now: Date,
): Promise<SessionClosed> {
  return db.transaction().execute(async (trx) => {
    // Submissions and changes to this station's sessions wait for the close; it reads the calendar
    // after any that came first, so no item lands in the session once it is closed.
    await lockStation(trx, stationId);
    const { context, session } = await resolveSession(trx, stationId, date);
    const key = session.originalDate;
    if (context.closedDates.has(key)) throw new AppError(409, 'SESSION_ALREADY_CLOSED', '这次接待日已经结束过了');
    if (session.status === 'cancelled') throw new AppError(409, 'SESSION_CANCELLED', '这次接待日已取消，无需结束');
    if (now.getTime() < new Date(session.startsAt).getTime()) {
      throw new AppError(409, 'SESSION_NOT_STARTED', `接待日 ${session.date} ${session.window.start} 才开始，还不能结束`);
    }
    const target = nextOpenSession(context, session, now);
    const carried = target
      ? await trx
          .updateTable('feedbackItem')
          .set({ sessionDate: target.originalDate })
          .where('stationId', '=', stationId)
          .where('sessionDate', '=', key)
          .where('status', 'in', OPEN_STATUSES)
          .returning(['id', 'categoryId', 'status'])
          .execute()
      : [];
    if (target) {
      const move = { movedFrom: key, movedTo: target.originalDate, text: CARRIED_OVER_AT_CLOSE };
      await recordMoves(trx, carried.map((c) => c.id), move, { kind: 'staff', staffId }, now);
    }
    const stayed = await trx
      .selectFrom('feedbackItem')
      .select(['categoryId', 'status'])
      .where('stationId', '=', stationId)
      .where('sessionDate', '=', key)
      .execute();
    if (!target && stayed.some((i) => isOpen(i.status))) throw noSessionAhead(context.station.name);
    const summary: SessionSummary = {
      stationId,
      stationName: context.station.name,
      date: session.date,
      originalDate: key,
      closedAt: now.toISOString(),
      ...(await summarise(trx, [...carried, ...stayed], carried.length)),
      note: note || null,
    };
    await trx
      .insertInto('sessionRecord')
      .values({ stationId, sessionDate: key, closedAt: summary.closedAt, closedBy: staffId, summary: JSON.stringify(summary) })
      .execute();
    return {
      ...summary,
      carriedTo: target && carried.length > 0 ? toSessionRef(context, target.originalDate) : null,
      carriedItemIds: carried.map((c) => c.id).sort(),
    };
  });
}

/**
 * An item sent back to the office after its session has closed goes on to the next open session, as
 * its open neighbours did at the close; its history says so. The caller holds the station.
 */
export async function carryReopenedItem(trx: Trx, itemId: string, now: Date): Promise<void> {
  const item = await trx.selectFrom('feedbackItem').select(['stationId', 'sessionDate']).where('id', '=', itemId).executeTakeFirstOrThrow();
  const context = await stationOr404(trx, item.stationId);
  if (!context.closedDates.has(item.sessionDate)) return;
  const closed = sessionByOriginalDate(context.rule, context.overrides, item.sessionDate);
  const target = closed && nextOpenSession(context, closed, now);
  // No session ahead means the station's rule is broken; the item waits where it is for the office to repair it.
  if (!target) return;
  await trx.updateTable('feedbackItem').set({ sessionDate: target.originalDate }).where('id', '=', itemId).execute();
  const move = { movedFrom: item.sessionDate, movedTo: target.originalDate, text: CARRIED_OVER_AT_REOPEN };
  await recordMoves(trx, [itemId], move, { kind: 'system' }, now);
}

export interface SessionChanged {
  /** The session as it now stands. */
  session: SessionRef;
  itemsMoved: number;
  /** Where a cancelled session's items went; null when the session was moved or had none. */
  carriedTo: SessionRef | null;
}

/**
 * Cancels or moves one session with the reason residents read, and takes its feedback along in the
 * same transaction: a cancelled session's items go to the next session held, a moved session keeps
 * its items (its key is unchanged) and each item's history says the new day. The staff pages and
 * the command line both change sessions through here.
 */
export async function changeSession(
  db: Database,
  stationId: string,
  override: SessionOverride,
  actor: SessionActor,
  now: Date,
): Promise<SessionChanged> {
  return db.transaction().execute(async (trx) => {
    // Submissions and closes at this station wait, so the items read below are all the session has.
    await lockStation(trx, stationId);
    const before = await stationOr404(trx, stationId);
    const key = override.originalDate;
    if (before.closedDates.has(key)) throw new AppError(409, 'SESSION_ALREADY_CLOSED', '这次接待日已经结束，不能再取消或改期');
    await saveOverride(trx, stationId, override, now);
    const context = { ...before, overrides: [...before.overrides, override] };
    const session = sessionByOriginalDate(context.rule, context.overrides, key);
    // saveOverride has just refused any day the rule does not give.
    if (!session) throw new Error(`No session on ${key} after saving its override`);
    const items = await trx
      .selectFrom('feedbackItem')
      .select('id')
      .where('stationId', '=', stationId)
      .where('sessionDate', '=', key)
      .orderBy('submittedAt')
      .execute();
    const ids = items.map((i) => i.id);
    // A colleague acting on one of them at this moment finishes first; each move then takes the next
    // place in the item's history instead of colliding with theirs.
    await lockItems(trx, ids);

    if (override.kind === 'moved') {
      const text = `接待日改到 ${override.newDate} ${override.newWindow.start}–${override.newWindow.end}：${override.reason}`;
      await recordMoves(trx, ids, { movedFrom: key, movedTo: override.newDate, text }, actor, now);
      return { session: toSessionRef(context, key), itemsMoved: ids.length, carriedTo: null };
    }
    if (ids.length === 0) return { session: toSessionRef(context, key), itemsMoved: 0, carriedTo: null };
    const target = nextOpenSession(context, session, now);
    if (!target) throw noSessionAhead(context.station.name);
    await trx
      .updateTable('feedbackItem')
      .set({ sessionDate: target.originalDate })
      .where('stationId', '=', stationId)
      .where('id', 'in', ids)
      .execute();
    await recordMoves(trx, ids, { movedFrom: key, movedTo: target.originalDate, text: override.reason }, actor, now);
    return { session: toSessionRef(context, key), itemsMoved: ids.length, carriedTo: toSessionRef(context, target.originalDate) };
  });
}

