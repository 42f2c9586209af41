import type { SubmitFeedback } from '@core/feedback/schemas';
import { replyDeadline } from '@core/feedback/reply-deadline';
import { nextOpenSession, sessionForSubmission } from '@core/feedback/session-assignment';
import { supervisorStatus } from '@core/identity/supervisor-term';
import type { Session } from '@core/sessions/calendar';
import { shanghaiDateOf, shanghaiIsoString } from '@core/shared/shanghai-time';
import type { Transaction } from 'kysely';
import type { Database, DatabaseSchema } from '../../db/schema';
import { AppError } from '../../shared/app-error';
import { newId } from '../../shared/secrets';
import { isUniqueViolation } from '../../shared/unique-violation';
import { attributionColumns, attributionFor } from '../sharing/attribution';
import { appendEvent } from './events';
import { loadFeedbackSettings } from './feedback-settings';
import { lockStation } from './row-locks';
import { loadStationSessions, type StationSessions } from './session-refs';

/** Phone clocks run a little fast; an incident time this far ahead of the server's clock is still "now". */
const INCIDENT_CLOCK_SKEW_MS = 5 * 60_000;
const HOUR_MS = 60 * 60_000;

/**
 * The session an item sent now joins, and whether it counts as sent on site: only while a session of
 * the station is being held. A session the office has already closed takes no new items; they go on
 * to the next one, as its open items did.
 */
export function sessionToJoin(
  context: StationSessions,
  now: Date,
  onSite: boolean,
): { session: Session; onSite: boolean } | null {
  const first = sessionForSubmission(context.rule, context.overrides, now, onSite);
  const session = first && context.closedDates.has(first.originalDate) ? nextOpenSession(context, first, now) : first;
  if (!session) return null;
  const heldNow = new Date(session.startsAt).getTime() <= now.getTime() && now.getTime() < new Date(session.endsAt).getTime();
  return { session, onSite: onSite && heldNow };
}

async function existingItemId(db: Database, submitterId: string, clientId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('feedbackItem')
    .select('id')
    .where('submitterId', '=', submitterId)
    .where('clientId', '=', clientId)
    .executeTakeFirst();
  return row?.id;
}

/** The certificate in force that lets this user file a 监督意见. */
async function activeSupervisorId(trx: Transaction<DatabaseSchema>, userId: string, now: Date): Promise<string> {
  const rows = await trx
    .selectFrom('supervisor')
    .select(['id', 'termStart', 'termEnd', 'revokedAt'])
    .where('userId', '=', userId)
    .execute();
  const today = shanghaiDateOf(now);
  const active = rows.find((row) => supervisorStatus(row, row.revokedAt !== null, today) === 'active');
  if (!active) throw new AppError(403, 'SUPERVISOR_ONLY', '监督意见仅限在聘的执法监督员提交');
  return active.id;
}

function checkIncidentTime(incidentAt: string, now: Date): void {
  const [date, time] = incidentAt.split('T');
  if (new Date(shanghaiIsoString(date, time)).getTime() > now.getTime() + INCIDENT_CLOCK_SKEW_MS) {
    throw new AppError(400, 'INCIDENT_IN_FUTURE', '事发时间不能晚于现在');
  }
}

/**
 * Refuses a new item past the person's hourly limit. Only items stored count: a retry of one already
 * sent never reaches here, and an attempt refused for its content never counted.
 */
async function checkHourlyLimit(trx: Transaction<DatabaseSchema>, submitterId: string, perHour: number, now: Date): Promise<void> {
  const newest = await trx
    .selectFrom('feedbackItem')
    .select('submittedAt')
    .where('submitterId', '=', submitterId)
    .where('submittedAt', '>', new Date(now.getTime() - HOUR_MS).toISOString())
    .orderBy('submittedAt', 'desc')
    .limit(perHour)
    .execute();
  if (newest.length < perHour) return;
  // Room opens when the oldest of the last `perHour` items is an hour old.
  const oldest = new Date(newest[perHour - 1].submittedAt).getTime();
  const seconds = Math.max(1, Math.ceil((oldest + HOUR_MS - now.getTime()) / 1000));
  throw new AppError(429, 'TOO_MANY_REQUESTS', `操作太频繁，请 ${seconds} 秒后再试`, seconds);
}

async function insertItem(db: Database, submitterId: string, input: SubmitFeedback, perHour: number, now: Date): Promise<string> {
  return db.transaction().execute(async (trx) => {
    // A close, cancel or move of this station's sessions finishes first (or waits): the item never joins a
    // session that is being closed, and moves with the others when its session is cancelled.
    await lockStation(trx, input.stationId);
    const earlier = await existingItemId(trx, submitterId, input.clientId);
    if (earlier) return earlier;
    await checkHourlyLimit(trx, submitterId, perHour, now);

    const context = await loadStationSessions(trx, input.stationId);
    if (!context) throw new AppError(400, 'STATION_NOT_FOUND', '所选驿站不存在，请重新选择');
    const category = await trx.selectFrom('feedbackCategory').select('id').where('id', '=', input.categoryId).executeTakeFirst();
    if (!category) throw new AppError(400, 'CATEGORY_NOT_FOUND', '所选类别不存在，请重新选择');
    const supervisorId = input.kind === 'supervision' ? await activeSupervisorId(trx, submitterId, now) : null;
    if (input.incidentAt) checkIncidentTime(input.incidentAt, now);

    const uploads =
      input.photoIds.length === 0
        ? []
        : await trx
            .selectFrom('photoUpload')
            .select(['photoId', 'mediaType'])
            .where('userId', '=', submitterId)
            .where('photoId', 'in', input.photoIds)
            .execute();
    const mediaTypes = new Map(uploads.map((u) => [u.photoId, u.mediaType]));
    // Someone else's photo is answered exactly like one never uploaded: its existence is not revealed.
    if (input.photoIds.some((id) => !mediaTypes.has(id))) {
      throw new AppError(400, 'PHOTO_NOT_UPLOADED', '有照片没有上传成功，请删除后重新添加');
    }

    const joined = sessionToJoin(context, now, input.onSite);
    if (!joined) throw new AppError(409, 'NO_SESSION_AHEAD', '该驿站近期没有接待日，请联系镇法治建设科');
    const settings = await loadFeedbackSettings(trx);
    // The session's card is what residents share; kept for the figures only, never shown to staff.
    const attribution = await attributionFor(trx, submitterId, 'session', `${context.station.id}/${joined.session.originalDate}`);

    const id = newId();
    await trx
      .insertInto('feedbackItem')
      .values({
        id,
        clientId: input.clientId,
        submitterId,
        kind: input.kind,
        categoryId: input.categoryId,
        content: input.content,
        placeName: input.place?.name ?? null,
        latitude: input.place?.latitude ?? null,
        longitude: input.place?.longitude ?? null,
        incidentAt: input.incidentAt ?? null,
        anonymous: input.anonymous ? 1 : 0,
        mobile: input.mobile ?? null,
        enforcementUnit: input.kind === 'supervision' ? (input.enforcementUnit ?? null) : null,
        caseReference: input.kind === 'supervision' ? (input.caseReference ?? null) : null,
        supervisorId,
        stationId: context.station.id,
        sessionDate: joined.session.originalDate,
        onSite: joined.onSite ? 1 : 0,
        status: 'pending',
        reopened: 0,
        flagged: 0,
        duplicateOf: null,
        submittedAt: now.toISOString(),
        replyDue: replyDeadline(now, settings.replyWorkingDays, settings.calendar),
        ratingStars: null,
        ratingComment: null,
        ratedAt: null,
        ...attributionColumns(attribution),
      })
      .execute();
    if (input.photoIds.length > 0) {
      await trx
        .insertInto('feedbackPhoto')
        .values(input.photoIds.map((photoId, position) => ({ itemId: id, position, photoId, mediaType: mediaTypes.get(photoId)! })))
        .execute();
    }
    await appendEvent(trx, id, { action: 'submitted', at: now.toISOString(), actorKind: 'submitter', toStatus: 'pending' });
    return id;
  });
}

/**
 * Stores one submission and answers its item's id. The client's id makes it idempotent: a retry,
 * even one racing the first attempt, gets the item the first attempt made and never a second one,
 * and is never refused for the person's hourly limit (`perHour` new items).
 */
export async function submitFeedback(
  db: Database,
  submitterId: string,
  input: SubmitFeedback,
  perHour: number,
  now: Date,
): Promise<string> {
  try {
    return await insertItem(db, submitterId, input, perHour, now);
  } catch (error) {
    // Two attempts with one id at once: both found nothing, the unique key let one insert win.
    if (!isUniqueViolation(error)) throw error;
    const winner = await existingItemId(db, submitterId, input.clientId);
    if (!winner) throw error;
    return winner;
  }
}
