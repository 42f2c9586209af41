import type { FastifyInstance } from 'fastify';
import { feedbackContract } from '@core/feedback/contract';
import { replyDeadline } from '@core/feedback/reply-deadline';
import { FEEDBACK_KINDS, NOTIFICATION_TEMPLATES, type NotificationTemplate } from '@core/feedback/schemas';
import { applyAction } from '@core/feedback/workflow';
import { AppError } from '../../shared/app-error';
import type { Principal } from '../../shared/principal';
import { addRoute } from '../../shared/route';
import { listStations } from '../sessions/repository';
import { carryReopenedItem } from './agenda';
import { appendEvent } from './events';
import { loadFeedbackSettings } from './feedback-settings';
import { findMyFeedback, listMyFeedback } from './resident-views';
import { lockStation } from './row-locks';
import { loadStationSessions, toSessionRef } from './session-refs';
import { sessionToJoin, submitFeedback } from './submission';

/** Submissions one person may make in an hour unless configured otherwise. */
export const FEEDBACK_PER_HOUR = 20;

export interface ResidentFeedbackOptions {
  templates: Partial<Record<NotificationTemplate, string>>;
  feedbackPerHour: number;
}

function itemNotFound(): AppError {
  return new AppError(404, 'FEEDBACK_NOT_FOUND', '找不到这条反馈');
}

/** The routes are open to the people's roles only; this narrows the type for what follows. */
function residentId(principal: Principal): string {
  if (principal.kind !== 'user') throw new AppError(403, 'FORBIDDEN', '您没有权限进行这项操作');
  return principal.id;
}

export async function residentFeedbackRoutes(app: FastifyInstance, options: ResidentFeedbackOptions): Promise<void> {
  const subscribeTemplates = NOTIFICATION_TEMPLATES.flatMap((kind) => {
    const templateId = options.templates[kind];
    return templateId ? [{ kind, templateId }] : [];
  });

  addRoute(app, feedbackContract.form, async ({ query, principal }) => {
    const now = app.now();
    const stations = await listStations(app.db);
    const stationId = query.stationId ?? stations[0]?.id;
    const context = stationId === undefined ? undefined : await loadStationSessions(app.db, stationId);
    if (!context) throw new AppError(404, 'STATION_NOT_FOUND', '找不到该驿站，请返回首页重新选择');
    const categories = await app.db.selectFrom('feedbackCategory').select(['id', 'name']).orderBy('position').execute();
    const joined = sessionToJoin(context, now, query.onSite === '1');
    return {
      categories,
      // 监督意见 is for supervisors whose term is running; the principal's roles already say so.
      kinds: FEEDBACK_KINDS.filter((kind) => kind !== 'supervision' || principal.roles.includes('supervisor')),
      stations: stations.map(({ id, name }) => ({ id, name })),
      stationId: context.station.id,
      session: joined && toSessionRef(context, joined.session.originalDate),
      onSiteAccepted: joined?.onSite ?? false,
      subscribeTemplates,
    };
  });

  addRoute(app, feedbackContract.submit, async ({ body, principal }) => {
    const userId = residentId(principal);
    // Limited per person rather than per address (a whole village may share one mobile network
    // address), and counted in stored items, so that resending one on a bad network never counts.
    const itemId = await submitFeedback(app.db, userId, body, options.feedbackPerHour, app.now());
    const item = await findMyFeedback(app.db, userId, itemId);
    if (!item) throw new Error(`Submitted item ${itemId} cannot be read back`);
    return item;
  });

  addRoute(app, feedbackContract.mine, async ({ principal }) => ({ items: await listMyFeedback(app.db, residentId(principal)) }));

  addRoute(app, feedbackContract.mineDetail, async ({ params, principal }) => {
    const item = await findMyFeedback(app.db, residentId(principal), params.id);
    if (!item) throw itemNotFound();
    return item;
  });

  addRoute(app, feedbackContract.rate, async ({ params, body, principal }) => {
    const userId = residentId(principal);
    const now = app.now();
    await app.db.transaction().execute(async (trx) => {
      const item = await trx
        .selectFrom('feedbackItem')
        .select(['status', 'reopened', 'ratingStars', 'stationId'])
        .where('id', '=', params.id)
        .where('submitterId', '=', userId)
        .executeTakeFirst();
      if (!item) throw itemNotFound();
      const alreadyRated = new AppError(409, 'ALREADY_RATED', '这次答复已经评价过了，每次答复只能评价一次');
      if (item.ratingStars !== null) throw alreadyRated;
      const next = applyAction({ status: item.status, reopened: item.reopened === 1 }, { kind: 'rate', stars: body.stars });
      if (next === 'not-allowed') throw new AppError(409, 'NOT_YET_ANSWERED', '收到答复后才能评价');
      if (typeof next === 'string') throw new AppError(400, 'INVALID_REQUEST', '请选择 1–5 颗星');
      const reopening = next.status !== item.status;
      // Held before the item, in the order closing a session takes them: the item may have to move on.
      if (reopening) await lockStation(trx, item.stationId);
      const settings = reopening ? await loadFeedbackSettings(trx) : null;
      const updated = await trx
        .updateTable('feedbackItem')
        .set(
          settings
            ? // Sent back to the office: a fresh deadline, and the next reply may be rated again (the
              // rating stays in the history). A second low rating is recorded and reopens nothing.
              {
                status: next.status,
                reopened: 1,
                replyDue: replyDeadline(now, settings.replyWorkingDays, settings.calendar),
                ratingStars: null,
                ratingComment: null,
                ratedAt: null,
              }
            : { ratingStars: body.stars, ratingComment: body.comment ?? null, ratedAt: now.toISOString() },
        )
        .where('id', '=', params.id)
        .where('status', '=', item.status)
        .where('ratingStars', 'is', null)
        .executeTakeFirst();
      // Another request rated it in the meantime.
      if (Number(updated.numUpdatedRows) === 0) throw alreadyRated;
      const at = now.toISOString();
      await appendEvent(trx, params.id, {
        action: 'rated',
        at,
        actorKind: 'submitter',
        fromStatus: item.status,
        toStatus: item.status,
        stars: body.stars,
        text: body.comment ?? null,
      });
      if (reopening) {
        await appendEvent(trx, params.id, {
          action: 'reopened',
          at,
          actorKind: 'system',
          fromStatus: item.status,
          toStatus: next.status,
          text: `评价 ${body.stars} 星，退回重新办理`,
        });
        await carryReopenedItem(trx, params.id, now);
      }
    });
    const item = await findMyFeedback(app.db, userId, params.id);
    if (!item) throw itemNotFound();
    return item;
  });

  addRoute(app, feedbackContract.subscribe, async ({ body, principal }) => {
    const userId = residentId(principal);
    // Each template the person accepted in WeChat's dialog allows one message of it.
    for (const template of new Set(body.accepted)) {
      await app.db
        .insertInto('notificationGrant')
        .values({ userId, template, remaining: 1 })
        .onConflict((oc) => oc.columns(['userId', 'template']).doUpdateSet((eb) => ({ remaining: eb('notificationGrant.remaining', '+', 1) })))
        .execute();
    }
    return { ok: true as const };
  });
}
