import { verify } from '@node-rs/argon2';
import { runAdminCommand } from '../../src/server/features/identity/admin-command';
import { CommandError } from '../../src/server/shared/command-error';
import { checkStaffPassword } from '../../src/server/features/identity/staff-accounts';
import { issueToken, resolveToken } from '../../src/server/features/identity/tokens';
import { closeTestDatabase, createTestDatabase, type TestDatabase } from '../support/test-database';

const now = new Date('2026-11-26T10:00:00+08:00');
let database: TestDatabase;
const run = (...argv: string[]) => runAdminCommand(argv, database.handle.db, now);
const passwordIn = (output: string) => /一次性密码：(\S+)/.exec(output)?.[1] ?? '';
const account = (username: string) =>
  database.handle.db.selectFrom('staffAccount').selectAll().where('username', '=', username).executeTakeFirstOrThrow();

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => closeTestDatabase(database));

test('create-staff prints a one-time password that must be changed', async () => {
  const output = await run('create-staff', '--username', 'Sun.Keyuan', '--name', '孙科员');
  const password = passwordIn(output);
  expect(password).toMatch(/^[a-zA-Z2-9]{14}$/);
  const stored = await account('sun.keyuan');
  expect(stored).toMatchObject({ displayName: '孙科员', role: 'staff', mustChangePassword: 1 });
  expect(await verify(stored.passwordHash, password)).toBe(true);
});

test('create-admin makes an admin; list shows both and what is pending', async () => {
  await run('create-admin', '--username', 'it.contact', '--name', '信息员');
  const listed = await run('list');
  expect(listed).toContain('it.contact\t信息员\t管理员，待修改初始密码');
  expect(listed).toContain('sun.keyuan\t孙科员\t工作人员，待修改初始密码');
});

test('reset-password gives a new one-time password, ends every sign-in and lifts a lock', async () => {
  const db = database.handle.db;
  const before = await account('sun.keyuan');
  const { token } = await issueToken(db, { kind: 'staff', id: before.id }, now);
  for (let i = 0; i < 6; i += 1) {
    await checkStaffPassword(db, 'sun.keyuan', 'wrong', now).catch(() => undefined);
  }
  expect(await run('list')).toContain('锁定至');

  const password = passwordIn(await run('reset-password', '--username', 'sun.keyuan'));
  const after = await account('sun.keyuan');
  expect(after.passwordHash).not.toBe(before.passwordHash);
  expect(await resolveToken(db, token, now)).toBeNull();
  await expect(checkStaffPassword(db, 'sun.keyuan', password, now)).resolves.toEqual({ id: before.id });
});

test.each([
  [['create-staff', '--username', 'sun.keyuan', '--name', '重复'], '用户名 sun.keyuan 已被使用'],
  [['create-staff', '--username', 'x', '--name', '太短'], '用户名为 3–32 位字母、数字、点、下划线或短横线'],
  [['create-staff', '--username', 'new.one'], '请用 --name 填写姓名'],
  [['reset-password', '--username', 'ghost'], '没有用户名为 ghost 的账号'],
  [['drop-all'], 'npm run admin -- list'],
])('refuses %j and changes nothing', async (argv, message) => {
  const before = (await database.handle.db.selectFrom('staffAccount').select('id').execute()).length;
  const attempt = run(...argv);
  await expect(attempt).rejects.toBeInstanceOf(CommandError);
  await expect(attempt).rejects.toThrow(message);
  expect(await database.handle.db.selectFrom('staffAccount').select('id').execute()).toHaveLength(before);
});
