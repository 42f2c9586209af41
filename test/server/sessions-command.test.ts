import fs from 'node:fs';
import path from 'node:path';
import { runSessionsCommand } from '../../src/server/features/feedback/sessions-command';
import { CommandError } from '../../src/server/shared/command-error';
import { closeTestDatabase, createTestDatabase, type TestDatabase } from '../support/test-database';
import { firstStation } from '../support/town-fixture';

const now = new Date('2026-11-26T10:00:00+08:00');
let database: TestDatabase;
const run = (...argv: string[]) => runSessionsCommand(argv, database.handle.db, now);
const overrideCount = async () =>
  (await database.handle.db.selectFrom('sessionOverride').select('originalDate').execute()).length;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => closeTestDatabase(database));

test('cancel stores the cancellation with its reason, and list shows it', async () => {
  const said = await run('cancel', '--station', firstStation.id, '--date', '2026-12-15', '--reason', '  全镇集中宣传  ');
  expect(said).toBe(`已取消 ${firstStation.name} 2026-12-15 的接待日：全镇集中宣传`);
  const listed = await run('list', '--station', firstStation.id);
  expect(listed).toContain('2026-12-15 09:00–11:30（已取消） 全镇集中宣传');
  expect(listed).toContain('2026-11-30 09:00–11:30');
});

test('move keeps the station hours unless new ones are given', async () => {
  const said = await run('move', '--station', firstStation.id, '--date', '2026-12-30', '--to', '2026-12-31', '--reason', '元旦调整');
  expect(said).toContain('改到 2026-12-31 09:00–11:30');
  expect(await run('list')).toContain('2026-12-31 09:00–11:30（改期） 元旦调整');
});

test('restore undoes a cancellation; restoring a session that was never changed is refused', async () => {
  await run('cancel', '--station', firstStation.id, '--date', '2027-02-15', '--reason', '春节');
  expect(await run('restore', '--station', firstStation.id, '--date', '2027-02-15')).toBe(
    `已恢复 ${firstStation.name} 2027-02-15 的接待日，按原定时间举行`,
  );
  await expect(run('restore', '--station', firstStation.id, '--date', '2027-02-15')).rejects.toThrow(
    '这一天的接待日没有被取消或改期',
  );
});

test.each([
  [['cancel', '--station', firstStation.id, '--date', '2027-01-15'], '请填写原因，居民会看到它'],
  [['cancel', '--station', firstStation.id, '--date', '2027-01-15', '--reason', '忙'], '原因至少 2 个字，居民会看到它'],
  [['cancel', '--station', firstStation.id, '--date', '2027-01-16', '--reason', '节假日'], '这一天不是该驿站的接待日'],
  [['cancel', '--station', firstStation.id, '--date', '2027-02-30', '--reason', '节假日'], '原日期应为存在的日期，格式如 2026-01-31'],
  [['move', '--station', firstStation.id, '--date', '2027-01-15', '--to', '2027-01-30', '--reason', '调整'], '改期后的日期已有接待日（含已取消的），同一天不能安排两次'],
  [['cancel', '--station', 'nowhere', '--date', '2027-01-15', '--reason', '节假日'], '找不到驿站 nowhere'],
  [['cancel', '--date', '2027-01-15', '--reason', '节假日'], '请用 --station 指明驿站编号（npm run sessions -- list 可查看）'],
  [['cancel', '--station', firstStation.id, '--date', '2026-11-15', '--reason', '补录'], '这次接待日已经结束，不能再取消或改期'],
  [['move', '--station', firstStation.id, '--date', '2027-01-15', '--to', '2027-03-01', '--reason', '调整'], '改期不能超过原日期前后 31 天'],
  [['delete'], 'npm run sessions -- list'],
  [['cancel', '--bogus'], 'npm run sessions -- list'],
])('refuses %j with a message and changes nothing', async (argv, message) => {
  const before = await overrideCount();
  const attempt = run(...argv);
  await expect(attempt).rejects.toBeInstanceOf(CommandError);
  await expect(attempt).rejects.toThrow(message);
  expect(await overrideCount()).toBe(before);
});

test('imports flow one way: feedback uses sessions, the sessions feature knows nothing of feedback', () => {
  const sessionsFeature = path.resolve(__dirname, '..', '..', 'src', 'server', 'features', 'sessions');
  const reaching = fs
    .readdirSync(sessionsFeature)
    .filter((file) => /from\s+['"]\.\.\/feedback\//.test(fs.readFileSync(path.join(sessionsFeature, file), 'utf8')));
  expect(reaching).toEqual([]);
});
