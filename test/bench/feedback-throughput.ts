// Feedback submissions against the real server over HTTP (autocannon), beside a bare Fastify route that
// inserts one row into the same kind of SQLite file, measured one after the other in the same run.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { buildApp } from '../../src/server/app';
import { migrateToLatest, openDatabase } from '../../src/server/db/database';
import { FilePhotoStore } from '../../src/server/features/feedback/photo-store';
import { seedTownIfEmpty } from '../../src/server/features/town/seed';
import { loadTownConfig } from '../../src/server/features/town/town-config-file';
import { startBareInsertServer } from './bare-insert';

const CONNECTIONS = 10;
const DURATION_SECONDS = 10;

interface Load {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
}

async function load(url: string, headers: Record<string, string>, body: () => string): Promise<Load> {
  const result = await autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
    headers: { 'content-type': 'application/json', ...headers },
    requests: [{ setupRequest: (request) => ({ ...request, body: body() }) }],
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result['2xx'],
    non2xx: result.non2xx,
  };
}

function submission(stationId: string, categoryId: string): () => string {
  return () =>
    JSON.stringify({
      clientId: randomUUID(),
      stationId,
      kind: 'complaint',
      categoryId,
      content: '江边步道旁有人占道经营，早上七点到九点最严重，老人推车过不去。',
      anonymous: false,
      mobile: '13812345678',
    });
}

async function measureSubmissions(dir: string, townFile: string) {
  const database = openDatabase({ sqliteFile: path.join(dir, 'feedback.sqlite') });
  await migrateToLatest(database);
  const town = loadTownConfig(townFile);
  await seedTownIfEmpty(database.db, town);
  const app = await buildApp({
    database,
    photoStore: new FilePhotoStore(path.join(dir, 'photos')),
    // One bench resident sends far more than any person may: the limit is not what is measured.
    feedbackPerHour: 1_000_000,
  });
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  const signIn = await fetch(`${origin}/api/auth/guest`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  const { token } = (await signIn.json()) as { token: string };
  const result = await load(
    `${origin}/api/feedback`,
    { authorization: `Bearer ${token}` },
    submission(town.stations[0].id, town.feedback.categories[0].id),
  );
  const stored = await database.db
    .selectFrom('feedbackItem')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  await app.close();
  return { ...result, storedItems: Number(stored.n) };
}

async function measureBareInsert(dir: string) {
  const bare = await startBareInsertServer(dir);
  try {
    return await load(`${bare.origin}/bare`, {}, submission('station', 'category'));
  } finally {
    await bare.close();
  }
}

export async function feedbackThroughput(root: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-yizhan-bench-feedback-'));
  try {
    const bareInsert = await measureBareInsert(dir);
    const submissions = await measureSubmissions(dir, path.join(root, 'data', 'town.json'));
    if (submissions.non2xx > 0) throw new Error(`${submissions.non2xx} feedback submissions failed during the bench`);
    // Requests still in flight when autocannon stops are stored but not counted: at most one per connection.
    if (submissions.storedItems < submissions.requests || submissions.storedItems > submissions.requests + CONNECTIONS) {
      throw new Error(`${submissions.requests} submissions were accepted but ${submissions.storedItems} stored`);
    }
    return {
      via: `autocannon over HTTP, ${CONNECTIONS} connections for ${DURATION_SECONDS} s each, SQLite file`,
      bareInsert,
      submissions,
      throughputVsBare: submissions.requestsPerSecond / bareInsert.requestsPerSecond,
      p99VsBare: submissions.p99Ms / bareInsert.p99Ms,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
