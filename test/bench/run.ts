// npm run bench: production build sizes against WeChat's limits and our budget, build times, and the
// session API's latency against the health check, feedback and contest submissions over HTTP against
// a bare one-row insert, and on a seeded year of 100,000 feedback items the .xlsx and CSV exports and
// the dashboard against the health check, each against its baseline measured in the same run. Prints
// one JSON report.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../../src/server/app';
import { migrateToLatest, openDatabase } from '../../src/server/db/database';
import { seedTownIfEmpty } from '../../src/server/features/town/seed';
import { loadTownConfig } from '../../src/server/features/town/town-config-file';
import { contestThroughput } from './contest-throughput';
import { feedbackThroughput } from './feedback-throughput';
import { yearReports } from './year-reports';

const root = path.resolve(__dirname, '..', '..');
const WECHAT_PACKAGE_LIMIT = 2 * 1024 * 1024;
const MAIN_PACKAGE_BUDGET = 700 * 1024;
const REQUESTS = 2000;

function timedBuild(target: 'weapp' | 'h5'): number {
  const started = process.hrtime.bigint();
  const result = spawnSync('npm', ['run', `build:${target}`], { cwd: root, stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`npm run build:${target} failed`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

function bytes(files: string[]): number {
  return files.reduce((sum, file) => sum + fs.statSync(file).size, 0);
}

function weappPackages() {
  const dir = path.join(root, 'dist', 'weapp');
  const appJson = JSON.parse(fs.readFileSync(path.join(dir, 'app.json'), 'utf8'));
  const subpackageRoots: string[] = (appJson.subPackages ?? appJson.subpackages ?? []).map((p: { root: string }) =>
    p.root.replace(/\/$/, ''),
  );
  // WeChat does not upload these into the package.
  const files = filesUnder(dir).filter((f) => !/\.(map|LICENSE\.txt)$/.test(f) && !f.endsWith('project.config.json'));
  const inRoot = (file: string, rootDir: string) => path.relative(dir, file).startsWith(`${rootDir}/`);
  const subpackages = Object.fromEntries(
    subpackageRoots.map((rootDir) => {
      const size = bytes(files.filter((f) => inRoot(f, rootDir)));
      return [rootDir, { bytes: size, ofWechatLimit: size / WECHAT_PACKAGE_LIMIT }];
    }),
  );
  const mainBytes = bytes(files.filter((f) => !subpackageRoots.some((r) => inRoot(f, r))));
  return {
    main: {
      bytes: mainBytes,
      budgetBytes: MAIN_PACKAGE_BUDGET,
      ofBudget: mainBytes / MAIN_PACKAGE_BUDGET,
      ofWechatLimit: mainBytes / WECHAT_PACKAGE_LIMIT,
      withinBudget: mainBytes <= MAIN_PACKAGE_BUDGET,
    },
    subpackages,
  };
}

function h5JsBytes(): number {
  return bytes(filesUnder(path.join(root, 'dist', 'h5')).filter((f) => f.endsWith('.js')));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function latencies() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-yizhan-bench-'));
  const database = openDatabase({ sqliteFile: path.join(dir, 'bench.sqlite') });
  await migrateToLatest(database);
  await seedTownIfEmpty(database.db, loadTownConfig(path.join(root, 'data', 'town.json')));
  const app = await buildApp({ database });
  const measure = async (url: string) => {
    const samples: number[] = [];
    for (let i = 0; i < REQUESTS; i += 1) {
      const started = process.hrtime.bigint();
      const response = await app.inject({ method: 'GET', url });
      if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}`);
      samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    samples.sort((a, b) => a - b);
    return { p50Ms: percentile(samples, 50), p99Ms: percentile(samples, 99) };
  };
  const station = 'chaotianzui-red-station';
  const baseline = await measure('/api/health');
  const upcoming = await measure(`/api/stations/${station}/sessions/upcoming?count=6`);
  const yearRange = await measure(`/api/stations/${station}/sessions?from=2027-01-01&to=2027-12-31`);
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const ratio = (m: { p50Ms: number; p99Ms: number }) => ({
    p50VsHealth: m.p50Ms / baseline.p50Ms,
    p99VsHealth: m.p99Ms / baseline.p99Ms,
  });
  return {
    requestsEach: REQUESTS,
    via: 'fastify inject on SQLite',
    healthBaseline: baseline,
    upcomingSessions: { ...upcoming, ...ratio(upcoming) },
    sessionsForAYear: { ...yearRange, ...ratio(yearRange) },
  };
}

async function main() {
  const buildSeconds = { weapp: timedBuild('weapp'), h5: timedBuild('h5') };
  const report = {
    measuredAt: new Date().toISOString(),
    node: process.version,
    buildSeconds,
    weapp: weappPackages(),
    h5: { jsBytes: h5JsBytes() },
    api: await latencies(),
    feedback: await feedbackThroughput(root),
    contest: await contestThroughput(root),
    reports: await yearReports(root),
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  if (!report.weapp.main.withinBudget) process.exitCode = 1;
}

void main();
