import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import { projectPath } from './config';
import type { DatabaseHandle, DatabaseKind } from './db/database';
import type { Database } from './db/schema';
import { agendaRoutes } from './features/feedback/agenda-routes';
import { officeRoutes } from './features/feedback/office-routes';
import type { KeyDate } from '@core/events/schemas';
import { loadKeyDates } from './features/events/key-dates';
import { eventOfficeRoutes } from './features/events/office-routes';
import { eventRoutes } from './features/events/resident-routes';
import { healthRoutes } from './features/health/routes';
import { authRoutes } from './features/identity/auth-routes';
import { authentication } from './features/identity/authentication';
import { directoryRoutes } from './features/identity/directory-routes';
import { photoRoutes } from './features/feedback/photo-routes';
import { FilePhotoStore, type PhotoStore } from './features/feedback/photo-store';
import { FEEDBACK_PER_HOUR, residentFeedbackRoutes } from './features/feedback/resident-routes';
import { loadCivilCode } from './features/law/civil-code';
import { lawRoutes } from './features/law/routes';
import { contestRoutes } from './features/quiz/contest-routes';
import { dailyRoutes } from './features/quiz/daily-routes';
import { loadLawTexts, type LawTexts } from './features/quiz/law-texts';
import { practiceRoutes } from './features/quiz/practice-routes';
import { questionRoutes } from './features/quiz/question-routes';
import { WeChatClient, type WeChatConfig } from './features/identity/wechat-client';
import { sessionRoutes } from './features/sessions/routes';
import { exportRoutes } from './features/exports/routes';
import { reportRoutes } from './features/reports/routes';
import { sharingRoutes } from './features/sharing/routes';
import { supervisionRoutes } from './features/supervision/routes';
import { errorReplies, toApiError } from './plugins/errors';
import { h5Static } from './plugins/h5-static';
import { openApi } from './plugins/openapi';
import { rateLimits, SIGN_IN_LIMIT_PER_MINUTE } from './plugins/rate-limits';
import { zodValidation } from './plugins/zod-validation';
import { version } from '../../package.json';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    databaseKind: DatabaseKind;
    /** The current instant; tests replace it to stand on a chosen day. */
    now: () => Date;
  }
}

export interface AppOptions {
  database: DatabaseHandle;
  h5Dir?: string;
  /** WeChat's API; without appid and secret, WeChat sign-in answers that it is not configured. */
  wechat?: WeChatConfig;
  now?: () => Date;
  logger?: FastifyServerOptions['logger'];
  /** The Civil Code's text; data/civil-code.json unless given. */
  civilCodeFile?: string;
  /** Sign-ins (and guest identities) one address may make per minute. */
  signInsPerMinute?: number;
  /** Behind a reverse proxy, believe its X-Forwarded-* headers; never when clients connect directly. */
  trustProxy?: boolean;
  /** Where feedback photos are kept; files under var/photos unless given. */
  photoStore?: PhotoStore;
  /** Feedback submissions one person may make per hour. */
  feedbackPerHour?: number;
  /** Both laws' texts, as the question bank was checked against at start; data/ unless given. */
  lawTexts?: LawTexts;
  /** The key dates marked on the events calendar; data/key-dates.json unless given. */
  keyDates?: readonly KeyDate[];
  /** Where the H5 app is reached from outside: poster QR codes point there. http://127.0.0.1:3000 unless given. */
  publicOrigin?: string;
}

const NO_WECHAT: WeChatConfig = { apiBase: 'https://api.weixin.qq.com', appId: undefined, secret: undefined };

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    // Errors Fastify meets before routing (a malformed URL) get the same answer shape as the rest.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      const { status, body } = toApiError(error);
      void reply.status(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
    },
  });
  app.decorate('db', options.database.db);
  app.decorate('databaseKind', options.database.kind);
  app.decorate('now', options.now ?? (() => new Date()));
  app.addHook('onClose', () => options.database.db.destroy());

  await app.register(zodValidation);
  await app.register(errorReplies);
  await app.register(openApi, { version });
  await app.register(rateLimits);
  await app.register(authentication);
  await app.register(healthRoutes, { version });
  await app.register(sessionRoutes);
  // One client, so that its access token serves sign-ins and poster codes alike.
  const wechat = new WeChatClient(options.wechat ?? NO_WECHAT);
  await app.register(authRoutes, {
    wechat,
    signInsPerMinute: options.signInsPerMinute ?? SIGN_IN_LIMIT_PER_MINUTE,
  });
  await app.register(directoryRoutes);
  await app.register(lawRoutes, { civilCode: loadCivilCode(options.civilCodeFile ?? projectPath('data', 'civil-code.json')) });
  await app.register(photoRoutes, {
    photoStore: options.photoStore ?? new FilePhotoStore(projectPath('var', 'photos')),
    feedbackPerHour: options.feedbackPerHour ?? FEEDBACK_PER_HOUR,
  });
  await app.register(residentFeedbackRoutes, {
    templates: options.wechat?.templates ?? {},
    feedbackPerHour: options.feedbackPerHour ?? FEEDBACK_PER_HOUR,
  });
  await app.register(officeRoutes);
  await app.register(agendaRoutes);
  const lawTexts = options.lawTexts ?? loadLawTexts();
  await app.register(dailyRoutes, { lawTexts });
  await app.register(practiceRoutes, { lawTexts });
  await app.register(questionRoutes, { lawTexts });
  await app.register(contestRoutes, { lawTexts });
  await app.register(sharingRoutes, { wechat, publicOrigin: options.publicOrigin ?? 'http://127.0.0.1:3000' });
  await app.register(eventRoutes, { keyDates: options.keyDates ?? loadKeyDates(projectPath('data', 'key-dates.json')) });
  await app.register(eventOfficeRoutes);
  await app.register(supervisionRoutes);
  await app.register(reportRoutes);
  await app.register(exportRoutes);
  if (options.h5Dir) await app.register(h5Static, { h5Dir: options.h5Dir });
  return app;
}
