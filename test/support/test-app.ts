import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { buildApp } from '../../src/server/app';
import type { WeChatConfig } from '../../src/server/features/identity/wechat-client';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  close: () => Promise<void>;
}

interface TestAppOptions {
  /** Pins the clock where a test needs a chosen day. */
  now?: () => Date;
  h5Dir?: string;
  wechat?: WeChatConfig;
  logger?: FastifyServerOptions['logger'];
  /** Tests sign in far more often than a person; the limit itself has a test of its own. */
  signInsPerMinute?: number;
}

/** The real server over a fresh database. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const app = await buildApp({ database: database.handle, signInsPerMinute: 10_000, ...options });
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
