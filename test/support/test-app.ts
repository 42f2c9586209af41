import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { KyselyPlugin } from 'kysely';
import { buildApp } from '../../src/server/app';
import { FilePhotoStore, type PhotoStore } from '../../src/server/features/feedback/photo-store';
import type { WeChatConfig } from '../../src/server/features/identity/wechat-client';
import { loadLawTexts } from '../../src/server/features/quiz/law-texts';
import { seedQuestionBank } from '../../src/server/features/quiz/question-seed';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  close: () => Promise<void>;
}

export interface TestAppOptions {
  /** Pins the clock where a test needs a chosen day. */
  now?: () => Date;
  h5Dir?: string;
  wechat?: WeChatConfig;
  logger?: FastifyServerOptions['logger'];
  /** Tests sign in far more often than a person; the limit itself has a test of its own. */
  signInsPerMinute?: number;
  /** Likewise for feedback submissions. */
  feedbackPerHour?: number;
  /** A temporary directory, removed on close, unless given: tests never write photos under var/. */
  photoStore?: PhotoStore;
  /** Plugins on the server's handle to the database only, e.g. to count the queries a request makes. */
  queryPlugins?: KyselyPlugin[];
}

/** Read once per test file, as the server reads them once at start. */
const lawTexts = loadLawTexts();

/** The real server over a fresh database, with the question bank of data/questions seeded as at start. */
export async function createTestApp({ queryPlugins = [], ...options }: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  await seedQuestionBank(database.handle.db, lawTexts, (options.now ?? (() => new Date()))());
  const photoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-yizhan-photos-'));
  const app = await buildApp({
    lawTexts,
    database: { ...database.handle, db: queryPlugins.reduce((db, plugin) => db.withPlugin(plugin), database.handle.db) },
    signInsPerMinute: 10_000,
    feedbackPerHour: 10_000,
    photoStore: new FilePhotoStore(photoDir),
    ...options,
  });
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.drop();
      fs.rmSync(photoDir, { recursive: true, force: true });
    },
  };
}

export interface ListeningTestApp {
  testApp: TestApp;
  /** e.g. http://127.0.0.1:40123 */
  origin: string;
}

/**
 * The real server listening on a free port for the whole test file. Options may be given late (as a
 * function), for a server that needs another started first; read the getter inside tests.
 */
export function useListeningTestApp(options: TestAppOptions | (() => TestAppOptions) = {}): () => ListeningTestApp {
  let current: ListeningTestApp | undefined;
  beforeAll(async () => {
    const testApp = await createTestApp(typeof options === 'function' ? options() : options);
    current = { testApp, origin: await testApp.app.listen({ host: '127.0.0.1', port: 0 }) };
  });
  afterAll(() => current?.testApp.close());
  return () => {
    if (!current) throw new Error('The test server is not running yet');
    return current;
  };
}
