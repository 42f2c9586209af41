import type { Selectable } from 'kysely';
import {
  INTERNAL_EVENT_ACTIONS,
  type FeedbackEvent,
  type FeedbackEventAction,
  type MyFeedbackDetail,
  type MyFeedbackSummary,
} from '@core/feedback/schemas';
import type { Database, FeedbackEventTable, FeedbackItemTable } from '../../db/schema';
import { excerptOf, photoUrl, sessionRefReader } from './item-common';

type ItemRow = Selectable<FeedbackItemTable> & { categoryName: string };

function itemQuery(db: Database) {
  return db
    .selectFrom('feedbackItem')
    .innerJoin('feedbackCategory', 'feedbackCategory.id', 'feedbackItem.categoryId')
    .selectAll('feedbackItem')
    .select('feedbackCategory.name as categoryName');
}

type SessionRefReader = ReturnType<typeof sessionRefReader>;

async function coreOf(row: ItemRow, sessionRef: SessionRefReader) {
  return {
    id: row.id,
    kind: row.kind,
    categoryId: row.categoryId,
    categoryName: row.categoryName,
    status: row.status,
    submittedAt: row.submittedAt,
    replyDue: row.replyDue,
    session: await sessionRef(row.stationId, row.sessionDate),
    anonymous: row.anonymous === 1,
  };
}

async function summaryOf(row: ItemRow, sessionRef: SessionRefReader): Promise<MyFeedbackSummary> {
  return { ...(await coreOf(row, sessionRef)), excerpt: excerptOf(row.content), rated: row.ratingStars !== null };
}

/** The submitter's own items, newest first. */
export async function listMyFeedback(db: Database, userId: string): Promise<MyFeedbackSummary[]> {
  const rows = await itemQuery(db)
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
  const row = await itemQuery(db).where('feedbackItem.id', '=', itemId).where('feedbackItem.submitterId', '=', userId).executeTakeFirst();
  if (!row) return null;
  const [events, photos, town] = await Promise.all([
    db
      .selectFrom('feedbackEvent')
      .selectAll()
      .where('itemId', '=', itemId)
      .where('action', 'not in', [...INTERNAL_EVENT_ACTIONS])
      .orderBy('seq')
      .execute(),
    db.selectFrom('feedbackPhoto').select('photoId').where('itemId', '=', itemId).orderBy('position').execute(),
    db.selectFrom('town').select('office').where('id', '=', 1).executeTakeFirstOrThrow(),
  ]);
  const answered = row.status === 'replied' || row.status === 'closed';
  return {
    ...(await coreOf(row, sessionRefReader(db))),
    content: row.content,
    photos: photos.map(({ photoId }) => ({ id: photoId, url: photoUrl(photoId) })),
    place:
      row.placeName === null
        ? null
        : {
            name: row.placeName,
            latitude: row.latitude === null ? null : Number(row.latitude),
            longitude: row.longitude === null ? null : Number(row.longitude),
          },
    incidentAt: row.incidentAt,
    enforcementUnit: row.enforcementUnit,
    caseReference: row.caseReference,
    events: events.map((event) => residentEvent(event, town.office)),
    rating:
      row.ratingStars === null || row.ratedAt === null
        ? null
        : { stars: Number(row.ratingStars), comment: row.ratingComment, at: row.ratedAt },
    mobile: row.mobile,
    canRate: answered && row.ratingStars === null,
  };
}
