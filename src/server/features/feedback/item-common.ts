import type { Selectable } from 'kysely';
import type { MyFeedbackDetail, SessionRef } from '@core/feedback/schemas';
import type { Database, FeedbackItemTable } from '../../db/schema';
import { loadStationSessions, toSessionRef, type StationSessions } from './session-refs';

const EXCERPT_CHARACTERS = 60;

/** The first characters of a text, whole characters only (never half of an emoji). */
export function excerptOf(content: string): string {
  const characters = Array.from(content.replace(/\s+/g, ' '));
  return characters.length <= EXCERPT_CHARACTERS ? characters.join('') : `${characters.slice(0, EXCERPT_CHARACTERS).join('')}…`;
}

function photoUrl(photoId: string): string {
  return `/api/feedback/photos/${photoId}`;
}

/** Turns items' (station, session key) into sessions, reading each station's calendar once. */
export function sessionRefReader(db: Database): (stationId: string, sessionDate: string) => Promise<SessionRef> {
  const stations = new Map<string, Promise<StationSessions | undefined>>();
  return async (stationId, sessionDate) => {
    if (!stations.has(stationId)) stations.set(stationId, loadStationSessions(db, stationId));
    const context = await stations.get(stationId);
    if (!context) throw new Error(`Feedback refers to station ${stationId}, which no longer exists`);
    return toSessionRef(context, sessionDate);
  };
}

export type ItemRow = Selectable<FeedbackItemTable> & { categoryName: string };

/** Items with their category's name: what the submitter's views and the office's start from. */
export function itemsWithCategory(db: Database) {
  return db
    .selectFrom('feedbackItem')
    .innerJoin('feedbackCategory', 'feedbackCategory.id', 'feedbackItem.categoryId')
    .selectAll('feedbackItem')
    .select('feedbackCategory.name as categoryName');
}

/** An item's core, as the submitter's list and the office's both show it. Nothing in it says who submitted it. */
export async function itemCore(row: ItemRow, sessionRef: ReturnType<typeof sessionRefReader>) {
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

type ItemBody = Pick<MyFeedbackDetail, 'content' | 'photos' | 'place' | 'incidentAt' | 'enforcementUnit' | 'caseReference' | 'rating'>;

/** What was sent, with its photos, and the submitter's rating: the same to the submitter and to the office. */
export async function itemBody(db: Database, row: ItemRow): Promise<ItemBody> {
  const photos = await db.selectFrom('feedbackPhoto').select('photoId').where('itemId', '=', row.id).orderBy('position').execute();
  return {
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
    rating:
      row.ratingStars === null || row.ratedAt === null
        ? null
        : { stars: Number(row.ratingStars), comment: row.ratingComment, at: row.ratedAt },
  };
}
