import type { Selectable } from 'kysely';
import {
  INTERNAL_EVENT_ACTIONS,
  type FeedbackEvent,
  type FeedbackEventAction,
  type MyFeedbackDetail,
  type MyFeedbackSummary,
} from '@core/feedback/schemas';
import type { Database, FeedbackEventTable } from '../../db/schema';
import { excerptOf, itemBody, itemCore, itemsWithCategory, sessionRefReader, type ItemRow } from './item-common';

async function summaryOf(row: ItemRow, sessionRef: ReturnType<typeof sessionRefReader>): Promise<MyFeedbackSummary> {
  return { ...(await itemCore(row, sessionRef)), excerpt: excerptOf(row.content), rated: row.ratingStars !== null };
}

/** The submitter's own items, newest first. */
export async function listMyFeedback(db: Database, userId: string): Promise<MyFeedbackSummary[]> {
  const rows = await itemsWithCategory(db)
    .where('feedbackItem.submitterId', '=', userId)
    .orderBy('feedbackItem.submittedAt', 'desc')
    .orderBy('feedbackItem.id')
    .execute();
  const sessionRef = sessionRefReader(db);
  return Promise.all(rows.map((row) => summaryOf(row, sessionRef)));
}

/** What the submitter reads of the office's work: the office by name, never a colleague; no internal steps. */
function residentEvent(event: Selectable<FeedbackEventTable>, officeName: string): FeedbackEvent {
  const actors = { submitter: '我', staff: officeName, system: '系统' } as const;
  return {
    at: event.at,
    action: event.action as FeedbackEventAction,
    actor: actors[event.actorKind],
    fromStatus: event.fromStatus as FeedbackEvent['fromStatus'],
    toStatus: event.toStatus as FeedbackEvent['toStatus'],
    text: event.text,
    stars: event.stars === null ? null : Number(event.stars),
    movedFrom: event.movedFrom,
    movedTo: event.movedTo,
  };
}

/** One item as its submitter sees it, or null when it is not theirs (or does not exist). */
export async function findMyFeedback(db: Database, userId: string, itemId: string): Promise<MyFeedbackDetail | null> {
  const row = await itemsWithCategory(db).where('feedbackItem.id', '=', itemId).where('feedbackItem.submitterId', '=', userId).executeTakeFirst();
  if (!row) return null;
  const [events, body, town] = await Promise.all([
    db
      .selectFrom('feedbackEvent')
      .selectAll()
      .where('itemId', '=', itemId)
      .where('action', 'not in', [...INTERNAL_EVENT_ACTIONS])
      .orderBy('seq')
      .execute(),
    itemBody(db, row),
    db.selectFrom('town').select('office').where('id', '=', 1).executeTakeFirstOrThrow(),
  ]);
  const answered = row.status === 'replied' || row.status === 'closed';
  return {
    ...(await itemCore(row, sessionRefReader(db))),
    ...body,
    events: events.map((event) => residentEvent(event, town.office)),
    mobile: row.mobile,
    canRate: answered && row.ratingStars === null,
  };
}
