// Contest submissions against the real server over HTTP (autocannon): 1,000 participants, each with an
// attempt started beforehand through the API, send their papers; beside them a bare Fastify route that
// inserts one row into the same kind of SQLite file, loaded the same way in the same run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { buildApp } from '../../src/server/app';
import { migrateToLatest, openDatabase } from '../../src/server/db/database';
import { FilePhotoStore } from '../../src/server/features/feedback/photo-store';
import { createStaffAccount } from '../../src/server/features/identity/staff-accounts';
import { createContest } from '../../src/server/features/quiz/contest-store';
import { loadLawTexts } from '../../src/server/features/quiz/law-texts';
import { seedQuestionBank } from '../../src/server/features/quiz/question-seed';
import { seedTownIfEmpty } from '../../src/server/features/town/seed';
import { loadTownConfig } from '../../src/server/features/town/town-config-file';
import { startBareInsertServer } from './bare-insert';

const PARTICIPANTS = 1_000;
/** Sent first and left out of the figures, so that neither side is measured while still cold. */
const WARM_UP = 200;
const CONNECTIONS = 10;
const QUESTIONS = 20;

interface Load {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
}

interface Submission {
  path: string;
  token: string;
  body: string;
}

/** Exactly `requests.length` requests, each sent once, over CONNECTIONS connections. */
async function load(origin: string, requests: readonly Submission[]): Promise<Load> {
  let next = 0;
  const started = Date.now();
  const result = await autocannon({
    url: origin,
    method: 'POST',
    connections: CONNECTIONS,
    amount: requests.length,
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => {
          const submission = requests[next % requests.length];
          next += 1;
          return {
            ...request,
            path: submission.path,
            headers: { ...request.headers, authorization: `Bearer ${submission.token}` },
            body: submission.body,
          };
        },
      },
    ],
  });
  const seconds = (Date.now() - started) / 1000;
  return {
    // A run of a few seconds: autocannon's per-second samples would be too few, so count over the whole run.
    requestsPerSecond: result['2xx'] / seconds,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result['2xx'],
    non2xx: result.non2xx,
  };
}

async function post<T>(url: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Guests who each started the contest through the API, and the paper each will send (every first option). */
async function participants(origin: string, contestId: string, count: number): Promise<Submission[]> {
  const submissions: Submission[] = [];
  for (let i = 0; i < count; i += 1) {
    const { token } = await post<{ token: string }>(`${origin}/api/auth/guest`, {});
    const attempt = await post<{ attemptId: string; questions: { id: string }[] }>(
      `${origin}/api/quiz/contests/${contestId}/attempts`,
      { communityId: 'chaotianzui', gridId: null },
      token,
    );
    submissions.push({
      path: `/api/quiz/contests/${contestId}/attempts/${attempt.attemptId}/submit`,
      token,
      body: JSON.stringify({ answers: attempt.questions.map((question) => ({ questionId: question.id, chosen: [0] })) }),
    });
  }
  return submissions;
}

async function measureSubmissions(dir: string, root: string) {
  const database = openDatabase({ sqliteFile: path.join(dir, 'contest.sqlite') });
  await migrateToLatest(database);
  const town = loadTownConfig(path.join(root, 'data', 'town.json'));
  await seedTownIfEmpty(database.db, town);
  const lawTexts = loadLawTexts(path.join(root, 'data'));
  const now = new Date();
  await seedQuestionBank(database.db, lawTexts, now, path.join(root, 'data', 'questions'));
  await createStaffAccount(database.db, { username: 'bench', displayName: '压测', role: 'staff' }, now);
  const staff = await database.db.selectFrom('staffAccount').select('id').where('username', '=', 'bench').executeTakeFirstOrThrow();
  const contest = await createContest(
    database.db,
    {
      title: '压测竞赛',
      law: 'civil-code',
      books: [],
      questionCount: QUESTIONS,
      timeLimitMinutes: 60,
      attemptsAllowed: 1,
      startsAt: new Date(now.getTime() - 3600_000).toISOString(),
      endsAt: new Date(now.getTime() + 3 * 3600_000).toISOString(),
      audience: 'everyone',
    },
    lawTexts,
    staff.id,
    now,
  );
  const app = await buildApp({
    database,
    photoStore: new FilePhotoStore(path.join(dir, 'photos')),
    // A thousand guests from one address: the sign-in limit is not what is measured.
    signInsPerMinute: 1_000_000,
    lawTexts,
  });
  try {
    const origin = await app.listen({ host: '127.0.0.1', port: 0 });
    const everyone = await participants(origin, contest.id, WARM_UP + PARTICIPANTS);
    const warmUp = await load(origin, everyone.slice(0, WARM_UP));
    const result = await load(origin, everyone.slice(WARM_UP));
    const scored = await database.db
      .selectFrom('contestAttempt')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('score', 'is not', null)
      .executeTakeFirstOrThrow();
    return { ...result, warmUpNon2xx: warmUp.non2xx, scoredAttempts: Number(scored.n) };
  } finally {
    await app.close();
  }
}

async function measureBareInsert(dir: string) {
  const bare = await startBareInsertServer(dir);
  try {
    const body = JSON.stringify({ answers: Array.from({ length: QUESTIONS }, (_, i) => ({ questionId: `cc-${i}`, chosen: [0] })) });
    const requests = Array.from({ length: WARM_UP + PARTICIPANTS }, () => ({ path: '/bare', token: 'x'.repeat(43), body }));
    await load(bare.origin, requests.slice(0, WARM_UP));
    return await load(bare.origin, requests.slice(WARM_UP));
  } finally {
    await bare.close();
  }
}

export async function contestThroughput(root: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-yizhan-bench-contest-'));
  try {
    const bareInsert = await measureBareInsert(dir);
    const submissions = await measureSubmissions(dir, root);
    if (submissions.non2xx > 0 || submissions.warmUpNon2xx > 0) {
      throw new Error(`${submissions.non2xx + submissions.warmUpNon2xx} contest submissions failed during the bench`);
    }
    if (submissions.scoredAttempts !== WARM_UP + PARTICIPANTS) {
      throw new Error(`${WARM_UP + PARTICIPANTS} papers were sent but ${submissions.scoredAttempts} scored`);
    }
    const neededPerSecond = PARTICIPANTS / 60;
    return {
      via: `autocannon over HTTP, ${PARTICIPANTS} participants each sending one ${QUESTIONS}-question paper over ${CONNECTIONS} connections (after ${WARM_UP} warm-up), SQLite file`,
      bareInsert,
      submissions,
      throughputVsBare: submissions.requestsPerSecond / bareInsert.requestsPerSecond,
      p99VsBare: submissions.p99Ms / bareInsert.p99Ms,
      // 1,000 participants within one minute need this many per second; headroom is how many times over it the server goes.
      neededPerSecond,
      headroom: submissions.requestsPerSecond / neededPerSecond,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
