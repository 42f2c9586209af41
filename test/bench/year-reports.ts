// The office's figures on a full year (issue 8): 100,000 feedback items and the rest of a year seeded
// into a fresh SQLite file (test/support/year-data.ts), the real server listening on it, and measured over
// HTTP in the same run: (a) the export of every feedback row as .xlsx and as CSV, each read back to count
// its rows; (b) the dashboard API for the whole year and for one community against the health check.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import ExcelJS from 'exceljs';
import { shanghaiYearOf, yearPeriod } from '../../src/core/reports/period';
import { percentile } from '../../src/core/reports/statistics';
import { buildApp } from '../../src/server/app';
import { migrateToLatest, openDatabase } from '../../src/server/db/database';
import { FilePhotoStore } from '../../src/server/features/feedback/photo-store';
import { createStaffAccount } from '../../src/server/features/identity/staff-accounts';
import { loadLawTexts } from '../../src/server/features/quiz/law-texts';
import { seedQuestionBank } from '../../src/server/features/quiz/question-seed';
import { seedTownIfEmpty } from '../../src/server/features/town/seed';
import { loadTownConfig } from '../../src/server/features/town/town-config-file';
import { seedYear } from '../support/year-data';

const FEEDBACK_ITEMS = 100_000;
const REQUESTS = 200;
/** A year's dashboard may take seconds: each series stops after this long, with at least MIN_REQUESTS. */
const SERIES_BUDGET_MS = 90_000;
const MIN_REQUESTS = 20;
/** Sent first and left out of the figures, so that no side is measured while still cold. */
const WARM_UP = 5;
const RSS_SAMPLE_MS = 20;

async function signInOffice(origin: string, db: Parameters<typeof createStaffAccount>[0]): Promise<string> {
  const post = async (url: string, body: unknown, token?: string) => {
    const response = await fetch(`${origin}/api${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`POST ${url} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as { token: string };
  };
  const account = { username: 'bench.office', displayName: '基准测试', role: 'staff' } as const;
  const { username, oneTimePassword } = await createStaffAccount(db, account, new Date());
  const { token } = await post('/auth/staff', { username, password: oneTimePassword });
  // The one-time password must be replaced before any office route answers.
  await post('/me/password', { currentPassword: oneTimePassword, newPassword: 'Bench-desk-2026' }, token);
  return token;
}

/** Records in an RFC 4180 file (header included): line ends outside quoted fields. */
function csvRecords(text: string): number {
  let records = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n' && !quoted) records += 1;
  }
  return text.endsWith('\n') ? records : records + 1;
}

async function xlsxRows(file: string): Promise<number> {
  let rows = 0;
  for await (const sheet of new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache' })) {
    for await (const _row of sheet) rows += 1;
  }
  return rows;
}

/** One export, timed from the request to its last byte, with the process's peak memory meanwhile. */
async function timedExport(origin: string, token: string, format: 'xlsx' | 'csv', year: number, dir: string) {
  const { from, to } = yearPeriod(year);
  const file = path.join(dir, `feedback.${format}`);
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, RSS_SAMPLE_MS);
  let bytes = 0;
  const started = process.hrtime.bigint();
  try {
    const response = await fetch(`${origin}/api/staff/exports/feedback?from=${from}&to=${to}&format=${format}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok || !response.body) throw new Error(`The ${format} export answered ${response.status}: ${await response.text()}`);
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    await pipeline(Readable.fromWeb(response.body as WebReadableStream), counter, fs.createWriteStream(file));
  } finally {
    clearInterval(sampler);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // Both files carry one header row above the data.
  const rows = (format === 'csv' ? csvRecords(fs.readFileSync(file, 'utf8')) : await xlsxRows(file)) - 1;
  fs.rmSync(file);
  if (rows !== FEEDBACK_ITEMS) throw new Error(`The ${format} export held ${rows} rows, not ${FEEDBACK_ITEMS}`);
  return { bytes, rows, seconds, rowsPerSecond: rows / seconds, peakRssDeltaBytes: rssPeak - rssBefore };
}

/** Sequential GETs over HTTP, one at a time: the latency one member of staff sees. */
async function latency(origin: string, url: string, token: string) {
  const get = async () => {
    const started = process.hrtime.bigint();
    const response = await fetch(`${origin}/api${url}`, { headers: { authorization: `Bearer ${token}` } });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  for (let i = 0; i < WARM_UP; i += 1) await get();
  const samples: number[] = [];
  const deadline = Date.now() + SERIES_BUDGET_MS;
  while (samples.length < REQUESTS && (samples.length < MIN_REQUESTS || Date.now() < deadline)) samples.push(await get());
  return { requests: samples.length, p50Ms: percentile(samples, 50)!, p99Ms: percentile(samples, 99)! };
}

export async function yearReports(root: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-yizhan-bench-year-'));
  try {
    const database = openDatabase({ sqliteFile: path.join(dir, 'year.sqlite') });
    await migrateToLatest(database);
    const town = loadTownConfig(path.join(root, 'data', 'town.json'));
    await seedTownIfEmpty(database.db, town);
    const lawTexts = loadLawTexts();
    await seedQuestionBank(database.db, lawTexts, new Date());
    // Last year, whole: the same twelve months of figures whenever the bench runs.
    const year = shanghaiYearOf(new Date()) - 1;
    const seedStarted = process.hrtime.bigint();
    const ledger = await seedYear(database.db, { year, feedbackItems: FEEDBACK_ITEMS, now: new Date() });
    const seedSeconds = Number(process.hrtime.bigint() - seedStarted) / 1e9;

    const app = await buildApp({ database, lawTexts, photoStore: new FilePhotoStore(path.join(dir, 'photos')) });
    try {
      const origin = await app.listen({ host: '127.0.0.1', port: 0 });
      const token = await signInOffice(origin, database.db);
      const xlsx = await timedExport(origin, token, 'xlsx', year, dir);
      const csv = await timedExport(origin, token, 'csv', year, dir);

      const { from, to } = yearPeriod(year);
      const community = town.stations[0].communityId;
      const health = await latency(origin, '/health', token);
      const wholeYear = await latency(origin, `/staff/dashboard?from=${from}&to=${to}`, token);
      const oneCommunity = await latency(origin, `/staff/dashboard?from=${from}&to=${to}&community=${community}`, token);
      const ratio = (m: { p50Ms: number; p99Ms: number }) => ({ p50VsHealth: m.p50Ms / health.p50Ms, p99VsHealth: m.p99Ms / health.p99Ms });
      return {
        via: 'the real server listening on a SQLite file, over HTTP from the same process',
        seeded: {
          year,
          feedbackItems: ledger.feedback.total,
          historyRows: ledger.feedback.historyRows,
          contestAttempts: ledger.quiz.attempts.length,
          dailyPractice: ledger.quiz.daily.length,
          seconds: seedSeconds,
        },
        feedbackExport: { xlsx, csv, note: 'peak RSS is the whole process: server and the client reading the file' },
        dashboard: {
          sequential:
            `up to ${REQUESTS} requests or ${SERIES_BUDGET_MS / 1000} s per series ` +
            `(at least ${MIN_REQUESTS}), after ${WARM_UP} warm-up`,
          healthBaseline: health,
          wholeYear: { ...wholeYear, ...ratio(wholeYear) },
          oneCommunity: { community, ...oneCommunity, ...ratio(oneCommunity) },
        },
      };
    } finally {
      await app.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
