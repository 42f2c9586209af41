// npm run seed:year -- --year 2026 --items 100000 --file path.sqlite [--seed 1] [--now 2026-11-26T10:00:00+08:00]
// Fills a SQLite file with a realistic year (test/support/year-data.ts) for demos and the bench: the file
// is created and migrated as `npm start` does, with the town from TOWN_FILE and the question bank. It
// refuses a file that already holds feedback, so a real office database is never mixed with made-up data.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ANNUAL_FIGURE_KEYS } from '../../src/core/reports/schemas';
import { shanghaiYearOf } from '../../src/core/reports/period';
import { readConfig } from '../../src/server/config';
import { migrateToLatest, openDatabase } from '../../src/server/db/database';
import { loadLawTexts } from '../../src/server/features/quiz/law-texts';
import { seedQuestionBank } from '../../src/server/features/quiz/question-seed';
import { ANNUAL_FIGURE_LABELS } from '../../src/server/features/reports/annual-summary';
import { seedTownIfEmpty } from '../../src/server/features/town/seed';
import { loadTownConfig } from '../../src/server/features/town/town-config-file';
import { seedYear } from './year-data';

const USAGE = `用法：npm run seed:year -- --year 2026 --items 100000 --file 数据库文件.sqlite [--seed 1] [--now 2026-11-26T10:00:00+08:00]
  --file  要新建的演示数据库文件（必填；从不默认写入 npm start 使用的数据库）
  --now   数据截止的时刻；默认：当年为现在，往年为 12 月 31 日结束时`;

class UsageError extends Error {}

function wholeNumber(value: string | undefined, name: string, min: number, max: number): number {
  const number = Number(value);
  if (value === undefined || !Number.isInteger(number) || number < min || number > max) {
    throw new UsageError(`--${name} 应为 ${min}–${max} 之间的整数\n${USAGE}`);
  }
  return number;
}

/** The data stops now in the current year, and at the year's last minute for a past one. */
function cutOff(year: number, given: string | undefined): Date {
  if (given !== undefined) {
    const now = new Date(given);
    if (Number.isNaN(now.getTime())) throw new UsageError(`--now 应为带时区的时刻，如 2026-11-26T10:00:00+08:00\n${USAGE}`);
    return now;
  }
  const current = shanghaiYearOf(new Date());
  if (year > current) throw new UsageError(`${year} 年还没有到，不能生成这一年的数据`);
  return year === current ? new Date() : new Date(`${year}-12-31T23:59:00+08:00`);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        year: { type: 'string' },
        items: { type: 'string' },
        file: { type: 'string' },
        seed: { type: 'string' },
        now: { type: 'string' },
      },
    }));
  } catch {
    throw new UsageError(USAGE);
  }
  const year = wholeNumber(values.year, 'year', 2000, 2100);
  const items = wholeNumber(values.items, 'items', 1, 1_000_000);
  const seed = values.seed === undefined ? 1 : wholeNumber(values.seed, 'seed', 0, 2 ** 31);
  const now = cutOff(year, values.now);
  const config = readConfig(process.env);
  // Never the office's own database by default: a fresh install would take made-up data for real.
  if (!values.file) throw new UsageError(`请用 --file 指定一个新的数据库文件\n${USAGE}`);
  const file = path.resolve(values.file);

  const database = openDatabase({ sqliteFile: file });
  try {
    await migrateToLatest(database);
    await seedTownIfEmpty(database.db, loadTownConfig(config.townFile));
    await seedQuestionBank(database.db, loadLawTexts(), new Date());
    const existing = await database.db.selectFrom('feedbackItem').select('id').limit(1).executeTakeFirst();
    if (existing) throw new UsageError(`${file} 里已有反馈数据，不能再写入生成的数据；请换一个新文件（--file）`);

    const started = process.hrtime.bigint();
    const ledger = await seedYear(database.db, { year, feedbackItems: items, seed, now });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const figures = ANNUAL_FIGURE_KEYS.map((key) => {
      const { label, unit } = ANNUAL_FIGURE_LABELS[key];
      return `  ${label} ${ledger.annual[key]} ${unit}`;
    });
    process.stdout.write(
      [
        `已生成 ${year} 年数据（截至 ${ledger.now}，种子 ${seed}），用时 ${seconds.toFixed(1)} 秒：${file}`,
        `  反馈 ${ledger.feedback.total} 条（历史记录 ${ledger.feedback.historyRows} 条），居民 ${ledger.users.total} 人，` +
          `活动 ${ledger.events.items.length} 场，竞赛答卷 ${ledger.quiz.attempts.length} 份，每日一练 ${ledger.quiz.daily.length} 份`,
        '全年数据：',
        ...figures,
        `工作人员账号 ${ledger.staff.map((s) => s.username).join('、')} 的密码是随机的；要登录其中一个，请运行`,
        `  SQLITE_FILE=${file} npm run admin -- reset-password --username ${ledger.staff[0].username}`,
        '',
      ].join('\n'),
    );
  } finally {
    await database.db.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
