import { maskMobile } from '@core/feedback/mobile';
import { isOverdue } from '@core/feedback/reply-deadline';
import type {
  FeedbackEvent,
  FeedbackEventAction,
  StaffFeedbackDetail,
  StaffFeedbackSummary,
} from '@core/feedback/schemas';
import { isOpen, type FeedbackStatus } from '@core/feedback/workflow';
import type { Database } from '../../db/schema';
import { AppError } from '../../shared/app-error';
import { excerptOf, itemBody, itemCore, itemsWithCategory, sessionRefReader, type ItemRow } from './item-common';

/**
 * The session each item was first submitted to, for items that have since moved. Every 'moved'
 * event starts from the session the item was in at the time, so the first one names the first session.
 */
async function firstSessions(db: Database, itemIds: readonly string[]): Promise<Map<string, string>> {
  if (itemIds.length === 0) return new Map();
  const moves = await db
    .selectFrom('feedbackEvent')
    .select(['itemId', 'movedFrom'])
    .where('itemId', 'in', itemIds)
    .where('action', '=', 'moved')
    .orderBy('seq', 'desc')
    .execute();
  // Descending order: the earliest move of an item is the last one written into the map.
  return new Map(moves.filter((m) => m.movedFrom !== null).map((m) => [m.itemId, m.movedFrom as string]));
}

async function photoCounts(db: Database, itemIds: readonly string[]): Promise<Map<string, number>> {
  if (itemIds.length === 0) return new Map();
  const counts = await db
    .selectFrom('feedbackPhoto')
    .select(['itemId', (eb) => eb.fn.countAll().as('photos')])
    .where('itemId', 'in', itemIds)
    .groupBy('itemId')
    .execute();
  return new Map(counts.map((c) => [c.itemId, Number(c.photos)]));
}

function isItemOverdue(row: Pick<ItemRow, 'status' | 'replyDue'>, now: Date): boolean {
  return isOpen(row.status) && isOverdue(row.replyDue, now);
}

/** Rows → the office's list rows. Nothing in them says who submitted an item. */
export async function toStaffSummaries(db: Database, rows: readonly ItemRow[], now: Date): Promise<StaffFeedbackSummary[]> {
  const ids = rows.map((r) => r.id);
  const [firstSessionOf, photosOf] = await Promise.all([firstSessions(db, ids), photoCounts(db, ids)]);
  const sessionRef = sessionRefReader(db);
  return Promise.all(
    rows.map(async (row) => {
      const firstSession = firstSessionOf.get(row.id);
      return {
        ...(await itemCore(row, sessionRef)),
        excerpt: excerptOf(row.content),
        overdue: isItemOverdue(row, now),
        flagged: row.flagged === 1,
        photoCount: photosOf.get(row.id) ?? 0,
        duplicateOf: row.duplicateOf,
        carriedFrom: firstSession && firstSession !== row.sessionDate ? firstSession : null,
      };
    }),
  );
}

const ACTOR_NAMES = { submitter: '提交人', system: '系统' } as const;

async function staffEvents(db: Database, itemId: string): Promise<FeedbackEvent[]> {
  const rows = await db
    .selectFrom('feedbackEvent')
    .leftJoin('staffAccount', 'staffAccount.id', 'feedbackEvent.staffId')
    .select([
      'feedbackEvent.at',
      'feedbackEvent.action',
      'feedbackEvent.actorKind',
      'staffAccount.displayName',
      'feedbackEvent.fromStatus',
      'feedbackEvent.toStatus',
      'feedbackEvent.text',
      'feedbackEvent.stars',
      'feedbackEvent.movedFrom',
      'feedbackEvent.movedTo',
    ])
    .where('feedbackEvent.itemId', '=', itemId)
    .orderBy('feedbackEvent.seq')
    .execute();
  return rows.map((row) => ({
    at: row.at,
    action: row.action as FeedbackEventAction,
    // Staff see which colleague acted; a submitter, even a named one, is only ever '提交人' here.
    actor: row.actorKind === 'staff' ? (row.displayName ?? '工作人员') : ACTOR_NAMES[row.actorKind],
    fromStatus: row.fromStatus as FeedbackStatus | null,
    toStatus: row.toStatus as FeedbackStatus | null,
    text: row.text,
    stars: row.stars === null ? null : Number(row.stars),
    movedFrom: row.movedFrom,
    movedTo: row.movedTo,
  }));
}

/** Who submitted, as far as the office may know: an anonymous item's submitter is never named. */
async function submitterLine(db: Database, row: ItemRow): Promise<string> {
  if (row.anonymous === 1) return '匿名';
  if (row.kind !== 'supervision' || !row.supervisorId) return '居民';
  const supervisor = await db.selectFrom('supervisor').select('name').where('id', '=', row.supervisorId).executeTakeFirst();
  return supervisor ? `监督员 ${supervisor.name}` : '监督员';
}

async function findStaffItemRow(db: Database, id: string): Promise<ItemRow> {
  const row = await itemsWithCategory(db).where('feedbackItem.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError(404, 'FEEDBACK_NOT_FOUND', '找不到这条反馈');
  return row;
}

/** One item as the office works on it: everything but who an anonymous submitter is. */
export async function loadStaffDetail(db: Database, id: string, now: Date): Promise<StaffFeedbackDetail> {
  const row = await findStaffItemRow(db, id);
  const [[summary], body, events, duplicates, submitter] = await Promise.all([
    toStaffSummaries(db, [row], now),
    itemBody(db, row),
    staffEvents(db, id),
    db.selectFrom('feedbackItem').select('id').where('duplicateOf', '=', id).orderBy('submittedAt').orderBy('id').execute(),
    submitterLine(db, row),
  ]);
  return {
    ...summary,
    ...body,
    events,
    submitter,
    mobileMasked: row.anonymous === 0 && row.mobile ? maskMobile(row.mobile) : null,
    duplicates: duplicates.map((d) => d.id),
    reopened: row.reopened === 1,
  };
}
