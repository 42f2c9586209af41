import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  close: () => Promise<void>;
}

/** The real server over a fresh database; `now` pins the clock where a test needs a chosen day. */
export async function createTestApp(options: { now?: () => Date; h5Dir?: string } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const app = await buildApp({ database: database.handle, now: options.now, h5Dir: options.h5Dir });
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
