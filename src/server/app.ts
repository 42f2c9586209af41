import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { DatabaseHandle, DatabaseKind } from './db/database';
import type { Database } from './db/schema';
import { healthRoutes } from './features/health/routes';
import { sessionRoutes } from './features/sessions/routes';
import { errorReplies } from './plugins/errors';
import { h5Static } from './plugins/h5-static';
import { openApi } from './plugins/openapi';
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
  now?: () => Date;
  logger?: FastifyServerOptions['logger'];
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, trustProxy: true });
  app.decorate('db', options.database.db);
  app.decorate('databaseKind', options.database.kind);
  app.decorate('now', options.now ?? (() => new Date()));
  app.addHook('onClose', () => options.database.db.destroy());

  await app.register(zodValidation);
  await app.register(errorReplies);
  await app.register(openApi, { version });
  await app.register(healthRoutes, { version });
  await app.register(sessionRoutes);
  if (options.h5Dir) await app.register(h5Static, { h5Dir: options.h5Dir });
  return app;
}
