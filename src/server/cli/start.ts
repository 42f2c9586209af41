import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from '../app';
import { projectPath, readConfig } from '../config';
import { migrateToLatest, openDatabase } from '../db/database';
import { loadKeyDates } from '../features/events/key-dates';
import { workCalendarWarning } from '../features/feedback/feedback-settings';
import { startNotificationDispatcher } from '../features/feedback/notification-dispatcher';
import { FilePhotoStore } from '../features/feedback/photo-store';
import { WeChatClient } from '../features/identity/wechat-client';
import { loadLawTexts } from '../features/quiz/law-texts';
import { seedQuestionBank } from '../features/quiz/question-seed';
import { seedTownIfEmpty } from '../features/town/seed';
import { contactWarning, loadTownConfig } from '../features/town/town-config-file';

function buildIfMissing(target: 'h5' | 'weapp', marker: string): void {
  if (fs.existsSync(marker)) return;
  process.stdout.write(`未找到 ${target} 构建产物，正在构建（约半分钟）…\n`);
  const result = spawnSync('npm', ['run', `build:${target}`], { cwd: projectPath(), stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run build:${target} failed`);
}

async function main(): Promise<void> {
  const config = readConfig(process.env);
  buildIfMissing('h5', path.join(config.h5Dir, 'index.html'));
  buildIfMissing('weapp', projectPath('dist', 'weapp', 'app.js'));

  const database = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile });
  await migrateToLatest(database);
  const town = loadTownConfig(config.townFile);
  await seedTownIfEmpty(database.db, town);
  const calendarWarning = await workCalendarWarning(database.db, new Date());
  if (calendarWarning) process.stderr.write(`${calendarWarning}\n`);
  const missingContact = contactWarning(town);
  if (missingContact) process.stderr.write(`${missingContact}\n`);
  const lawTexts = loadLawTexts();
  // Checked before listening: a mistyped key date stops the start with the reason.
  const keyDates = loadKeyDates(projectPath('data', 'key-dates.json'));
  await seedQuestionBank(database.db, lawTexts, new Date());

  const app = await buildApp({
    database,
    h5Dir: config.h5Dir,
    wechat: config.wechat,
    trustProxy: config.trustProxy,
    photoStore: new FilePhotoStore(config.photoDir),
    feedbackPerHour: config.feedbackPerHour,
    publicOrigin: config.publicOrigin,
    lawTexts,
    keyDates,
    logger: {
      level: config.logLevel,
      // No addresses, headers or query strings: they can carry personal data and tokens.
      serializers: {
        req: (request: { method: string; url: string }) => ({ method: request.method, path: request.url.split('?')[0] }),
        res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      },
    },
  });
  await app.listen({ host: config.host, port: config.port });
  const dispatcher = startNotificationDispatcher({
    db: database.db,
    wechat: new WeChatClient(config.wechat),
    templates: config.wechat.templates,
    now: () => new Date(),
    log: app.log,
  });

  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const base = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  const where = database.kind === 'sqlite' ? config.sqliteFile : 'PostgreSQL (DATABASE_URL)';
  process.stdout.write(
    [
      '',
      '法治驿站已启动',
      `  H5（浏览器）：${base}/`,
      `  接口文档：    ${base}/api/docs`,
      `  数据库：      ${where}`,
      `  小程序：      用微信开发者工具“导入项目”选择 ${projectPath()}（project.config.json 指向 dist/weapp），`,
      '                并在“详情 → 本地设置”勾选“不校验合法域名”以访问本机接口',
      '  按 Ctrl-C 停止',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping');
    await dispatcher.stop();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`启动失败：${error instanceof Error ? error.message : String(error)}\n`);
  if (error instanceof Error && error.cause) process.stderr.write(`${String(error.cause)}\n`);
  process.exit(1);
});
