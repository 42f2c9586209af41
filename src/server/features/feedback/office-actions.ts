import { sql, type Transaction } from 'kysely';
import type * as z from 'zod/mini';
import {
  INBOX_PAGE_SIZE,
  InboxQuerySchema,
  type FeedbackActionInput,
  type FeedbackEventAction,
} from '@core/feedback/schemas';
import { applyAction, FEEDBACK_STATUS_LABELS, OPEN_STATUSES, type FeedbackStatus } from '@core/feedback/workflow';
import { shanghaiDateOf } from '@core/shared/shanghai-time';
import type { Database, DatabaseSchema } from '../../db/schema';
import { AppError } from '../../shared/app-error';
import { appendEvent } from './events';
import { excerptOf, itemsWithCategory } from './item-common';
import { enqueueNotification, thing } from './outbox';
import { lockItems } from './row-locks';
import { toStaffSummaries } from './staff-views';

type InboxQuery = z.infer<typeof InboxQuerySchema>;
type Trx = Transaction<DatabaseSchema>;

/** `%` and `_` typed into the search box are looked for as themselves. */
function likePattern(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The office's inbox: newest first, one page at a time, each filter narrowing the list. */
export async function listInbox(db: Database, query: InboxQuery, now: Date) {
  const today = shanghaiDateOf(now);
  let filtered = itemsWithCategory(db);
  if (query.stationId) filtered = filtered.where('feedbackItem.stationId', '=', query.stationId);
  if (query.sessionDate) filtered = filtered.where('feedbackItem.sessionDate', '=', query.sessionDate);
  if (query.status) filtered = filtered.where('feedbackItem.status', '=', query.status);
  if (query.categoryId) filtered = filtered.where('feedbackItem.categoryId', '=', query.categoryId);
  if (query.kind) filtered = filtered.where('feedbackItem.kind', '=', query.kind);
  if (query.flagged) filtered = filtered.where('feedbackItem.flagged', '=', Number(query.flagged));
  // Overdue: still open, and the last day for a reply has passed in Shanghai.
  if (query.overdue === '1') {
    filtered = filtered.where('feedbackItem.status', 'in', OPEN_STATUSES).where('feedbackItem.replyDue', '<', today);
  } else if (query.overdue === '0') {
    filtered = filtered.where((eb) =>
      eb.or([eb('feedbackItem.status', 'not in', OPEN_STATUSES), eb('feedbackItem.replyDue', '>=', today)]),
    );
  }
  if (query.q) {
    const words = `%${likePattern(query.q.toLowerCase())}%`;
    const idPrefix = `${likePattern(query.q.toLowerCase())}%`;
    filtered = filtered.where((eb) =>
      eb.or([
        sql<boolean>`lower(${eb.ref('feedbackItem.content')}) like ${words} escape '\\'`,
        sql<boolean>`${eb.ref('feedbackItem.id')} like ${idPrefix} escape '\\'`,
      ]),
    );
  }
  const [counted, rows, categories] = await Promise.all([
    filtered.clearSelect().select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow(),
    filtered
      .orderBy('feedbackItem.submittedAt', 'desc')
      .orderBy('feedbackItem.id', 'desc')
      .limit(INBOX_PAGE_SIZE)
      .offset((query.page - 1) * INBOX_PAGE_SIZE)
      .execute(),
    db.selectFrom('feedbackCategory').select(['id', 'name']).orderBy('position').execute(),
  ]);
  return {
    items: await toStaffSummaries(db, rows, now),
    total: Number(counted.total),
    page: query.page,
    pageSize: INBOX_PAGE_SIZE,
    categories,
  };
}

interface ItemState {
  id: string;
  submitterId: string;
  content: string;
  status: FeedbackStatus;
  reopened: number;
  flagged: number;
  duplicateOf: string | null;
}

async function readItem(trx: Trx, id: string): Promise<ItemState | undefined> {
  return trx
    .selectFrom('feedbackItem')
    .select(['id', 'submitterId', 'content', 'status', 'reopened', 'flagged', 'duplicateOf'])
    .where('id', '=', id)
    .executeTakeFirst();
}

const CHANGED_MEANWHILE = '这条反馈刚被其他同事处理过，请刷新后再看';

function conflict(message: string): AppError {
  return new AppError(409, 'FEEDBACK_ACTION_NOT_ALLOWED', message);
}

type StatusAction = Extract<FeedbackActionInput, { action: 'accept' | 'reply' | 'reject' | 'close' }>;

const EVENT_OF: Record<StatusAction['action'], FeedbackEventAction> = {
  accept: 'accepted',
  reply: 'replied',
  reject: 'rejected',
  close: 'closed',
};

/** Why an action cannot be taken from a status, in the words the office reads. */
function refusal(action: StatusAction['action'], status: FeedbackStatus): string {
  if (status === 'rejected') return action === 'reject' ? '这条反馈已经不予受理了' : '这条反馈已不予受理，不能再办理';
  if (status === 'closed') return action === 'reply' ? '这条反馈已经办结，不能再答复' : '这条反馈已经办结';
  if (action === 'accept') return status === 'accepted' ? '这条反馈已经受理过了' : '这条反馈已经答复，无需再受理';
  if (action === 'reject') return status === 'accepted' ? '这条反馈已经受理，不能再不予受理' : '这条反馈已经答复，不能再不予受理';
  // A reply is allowed from every other status; what is left is closing before any reply.
  return '还没有答复，不能办结';
}

/** Tells the submitter (anonymous or not: the link is kept so they can be told) what happened. */
async function notifySubmitter(trx: Trx, item: ItemState, change: { to: FeedbackStatus; text: string | null }, now: Date) {
  const subject = thing(excerptOf(item.content));
  const date = { value: shanghaiDateOf(now) };
  await enqueueNotification(
    trx,
    change.to === 'replied'
      ? {
          userId: item.submitterId,
          itemId: item.id,
          template: 'reply',
          payload: { thing1: subject, thing2: thing(change.text ?? ''), date3: date },
        }
      : {
          userId: item.submitterId,
          itemId: item.id,
          template: 'status',
          payload: { thing1: subject, phrase2: { value: FEEDBACK_STATUS_LABELS[change.to] }, date3: date },
        },
    now,
  );
}

/**
 * Moves an item's status, if nobody moved it meanwhile: the update only matches the status it was
 * read in, so of two staff acting at once exactly one succeeds.
 */
async function transition(trx: Trx, item: ItemState, action: StatusAction, staffId: string, now: Date): Promise<void> {
  const workflowAction = action.action === 'reject' ? { kind: action.action, reason: action.reason } : { kind: action.action };
  const next = applyAction({ status: item.status, reopened: item.reopened === 1 }, workflowAction);
  if (next === 'reason-missing') throw new AppError(400, 'INVALID_REQUEST', '不予受理的理由至少 2 个字');
  if (typeof next === 'string') throw conflict(refusal(action.action, item.status));
  const updated = await trx
    .updateTable('feedbackItem')
    .set({ status: next.status })
    .where('id', '=', item.id)
    .where('status', '=', item.status)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) throw conflict(CHANGED_MEANWHILE);
  const text = action.action === 'reply' ? action.text : action.action === 'reject' ? action.reason : null;
  await appendEvent(trx, item.id, {
    action: EVENT_OF[action.action],
    at: now.toISOString(),
    actorKind: 'staff',
    staffId,
    fromStatus: item.status,
    toStatus: next.status,
    text,
  });
  await notifySubmitter(trx, item, { to: next.status, text }, now);
}

/** A reply to an item is also a reply to each of its duplicates, so that every submitter gets it. */
async function replyToDuplicates(trx: Trx, mainId: string, text: string, staffId: string, now: Date): Promise<void> {
  const duplicates = await trx
    .selectFrom('feedbackItem')
    .select('id')
    .where('duplicateOf', '=', mainId)
    .orderBy('submittedAt')
    .orderBy('id')
    .execute();
  for (const { id } of duplicates) await replyIfPossible(trx, id, text, staffId, now);
}

/** Closed and rejected items take no reply; they are left as they are. */
async function replyIfPossible(trx: Trx, itemId: string, text: string, staffId: string, now: Date): Promise<void> {
  const item = await readItem(trx, itemId);
  if (!item || typeof applyAction({ status: item.status, reopened: item.reopened === 1 }, { kind: 'reply' }) === 'string') return;
  await transition(trx, item, { action: 'reply', text }, staffId, now);
}

async function linkAsDuplicate(trx: Trx, item: ItemState, mainId: string, staffId: string, now: Date): Promise<void> {
  if (mainId === item.id) throw new AppError(400, 'FEEDBACK_LINK_SELF', '不能把一条反馈标为它自己的重复');
  // Both rows are locked (in a fixed order), so two links made at once cannot form a chain.
  await lockItems(trx, [item.id, mainId]);
  const [duplicate, main] = await Promise.all([readItem(trx, item.id), readItem(trx, mainId)]);
  if (!duplicate) throw new AppError(404, 'FEEDBACK_NOT_FOUND', '找不到这条反馈');
  if (!main) throw new AppError(400, 'FEEDBACK_LINK_TARGET_MISSING', `找不到编号为 ${mainId} 的反馈，请核对编号`);
  if (main.duplicateOf) {
    throw conflict(`那条反馈本身已标为 ${main.duplicateOf} 的重复，请直接关联到 ${main.duplicateOf}`);
  }
  if (duplicate.duplicateOf) throw conflict(`这条反馈已经标为 ${duplicate.duplicateOf} 的重复`);
  const ownDuplicate = await trx.selectFrom('feedbackItem').select('id').where('duplicateOf', '=', item.id).executeTakeFirst();
  if (ownDuplicate) throw conflict('已有其他反馈标为这条的重复，它不能再标为别的反馈的重复');

  await trx.updateTable('feedbackItem').set({ duplicateOf: mainId }).where('id', '=', item.id).execute();
  const linked = { action: 'linked', at: now.toISOString(), actorKind: 'staff', staffId } as const;
  await appendEvent(trx, item.id, { ...linked, linkedItemId: mainId, text: `标为 ${mainId} 的重复反馈` });
  await appendEvent(trx, mainId, { ...linked, linkedItemId: item.id, text: `${item.id} 标为本条的重复反馈` });
  // Linked after the main item was answered: its submitter gets that answer too.
  const lastReply = await trx
    .selectFrom('feedbackEvent')
    .select('text')
    .where('itemId', '=', mainId)
    .where('action', '=', 'replied')
    .orderBy('seq', 'desc')
    .executeTakeFirst();
  if (lastReply?.text) await replyIfPossible(trx, item.id, lastReply.text, staffId, now);
}

/** One office action on one item, with its event (and the submitter's notification) in the same transaction. */
export async function actOnItem(
  db: Database,
  itemId: string,
  action: FeedbackActionInput,
  staffId: string,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const item = await readItem(trx, itemId);
    if (!item) throw new AppError(404, 'FEEDBACK_NOT_FOUND', '找不到这条反馈');
    const at = now.toISOString();
    switch (action.action) {
      case 'accept':
      case 'reject':
      case 'close':
        return transition(trx, item, action, staffId, now);
      case 'reply':
        await transition(trx, item, action, staffId, now);
        return replyToDuplicates(trx, item.id, action.text, staffId, now);
      case 'note':
        // A note changes no status: it waits for a colleague acting at that moment, then joins the history after them.
        await lockItems(trx, [item.id]);
        return appendEvent(trx, item.id, { action: 'note', at, actorKind: 'staff', staffId, text: action.text });
      case 'flag': {
        const flagged = action.flagged ? 1 : 0;
        if (item.flagged === flagged) throw conflict(action.flagged ? '这条反馈已经标记研判' : '这条反馈没有研判标记');
        const updated = await trx
          .updateTable('feedbackItem')
          .set({ flagged })
          .where('id', '=', item.id)
          .where('flagged', '=', item.flagged)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 0) throw conflict(CHANGED_MEANWHILE);
        return appendEvent(trx, item.id, { action: action.flagged ? 'flagged' : 'unflagged', at, actorKind: 'staff', staffId });
      }
      case 'link':
        return linkAsDuplicate(trx, item, action.duplicateOf, staffId, now);
    }
  });
}
