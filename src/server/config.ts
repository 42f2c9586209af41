import path from 'node:path';
import type { NotificationTemplate } from '@core/feedback/schemas';

export interface ServerConfig {
  host: string;
  port: number;
  /** PostgreSQL connection string; SQLite is used when absent. */
  databaseUrl: string | undefined;
  sqliteFile: string;
  townFile: string;
  h5Dir: string;
  logLevel: string;
  trustProxy: boolean;
  wechat: {
    apiBase: string;
    appId: string | undefined;
    secret: string | undefined;
    templates: Partial<Record<NotificationTemplate, string>>;
  };
  photoDir: string;
  feedbackPerHour: number | undefined;
  /** Where the H5 app is reached from outside (poster QR codes point there). */
  publicOrigin: string;
}

const projectRoot = path.resolve(__dirname, '..', '..');

export function projectPath(...segments: string[]): string {
  return path.join(projectRoot, ...segments);
}

export function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  }
  const feedbackPerHour = env.FEEDBACK_PER_HOUR ? Number(env.FEEDBACK_PER_HOUR) : undefined;
  if (feedbackPerHour !== undefined && (!Number.isInteger(feedbackPerHour) || feedbackPerHour < 1)) {
    throw new Error(`FEEDBACK_PER_HOUR must be a positive whole number, got "${env.FEEDBACK_PER_HOUR}"`);
  }
  return {
    host: env.HOST ?? '127.0.0.1',
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    sqliteFile: path.resolve(env.SQLITE_FILE ?? projectPath('var', 'fazhi-yizhan.sqlite')),
    townFile: path.resolve(env.TOWN_FILE ?? projectPath('data', 'town.json')),
    h5Dir: path.resolve(env.H5_DIR ?? projectPath('dist', 'h5')),
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: env.TRUST_PROXY === 'true',
    wechat: {
      apiBase: env.WECHAT_API_BASE ?? 'https://api.weixin.qq.com',
      appId: env.WECHAT_APPID || undefined,
      secret: env.WECHAT_SECRET || undefined,
      templates: {
        ...(env.WECHAT_TEMPLATE_REPLY && { reply: env.WECHAT_TEMPLATE_REPLY }),
        ...(env.WECHAT_TEMPLATE_STATUS && { status: env.WECHAT_TEMPLATE_STATUS }),
        ...(env.WECHAT_TEMPLATE_SESSION && { session: env.WECHAT_TEMPLATE_SESSION }),
        ...(env.WECHAT_TEMPLATE_EVENT && { event: env.WECHAT_TEMPLATE_EVENT }),
      },
    },
    photoDir: path.resolve(env.PHOTO_DIR ?? projectPath('var', 'photos')),
    feedbackPerHour,
    publicOrigin: env.PUBLIC_ORIGIN || 'http://127.0.0.1:3000',
  };
}
