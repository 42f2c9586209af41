import { parseArgs } from 'node:util';
import * as z from 'zod/mini';
import { StaffSignInSchema } from '@core/identity/schemas';
import type { Database } from '../../db/schema';
import { AppError } from '../../shared/app-error';
import { CommandError } from '../../shared/command-error';
import { createStaffAccount, listStaffAccounts, resetStaffPassword } from './staff-accounts';

export const adminUsage = `用法：
  npm run admin -- create-staff --username 用户名 --name 姓名
  npm run admin -- create-admin --username 用户名 --name 姓名
  npm run admin -- reset-password --username 用户名
  npm run admin -- list`;

const UsernameSchema = StaffSignInSchema.shape.username;
const DisplayNameSchema = z
  .string({ error: '请用 --name 填写姓名' })
  .check(z.trim(), z.minLength(1, '请用 --name 填写姓名'), z.maxLength(20, '姓名最多 20 个字'));

function parse<T>(schema: z.ZodMiniType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new CommandError(result.error.issues[0].message);
  return result.data;
}

function oneTimePasswordNotice(username: string, password: string): string {
  return [
    `账号：${username}`,
    `一次性密码：${password}`,
    '请当面或电话告知本人；首次登录后必须修改。此密码不会再次显示。',
  ].join('\n');
}

/** The IT contact's way to manage staff accounts from the server's command line. */
export async function runAdminCommand(argv: string[], db: Database, now: Date): Promise<string> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { username: { type: 'string' }, name: { type: 'string' } },
    });
  } catch {
    throw new CommandError(adminUsage);
  }
  const [action] = parsed.positionals;
  const { values } = parsed;
  try {
    if (action === 'create-staff' || action === 'create-admin') {
      const username = parse(UsernameSchema, values.username ?? '');
      const displayName = parse(DisplayNameSchema, values.name);
      const role = action === 'create-admin' ? 'admin' : 'staff';
      const created = await createStaffAccount(db, { username, displayName, role }, now);
      return `已创建${role === 'admin' ? '管理员' : '工作人员'}账号。\n${oneTimePasswordNotice(created.username, created.oneTimePassword)}`;
    }
    if (action === 'reset-password') {
      const username = parse(UsernameSchema, values.username ?? '');
      const password = await resetStaffPassword(db, username, now);
      return `已重置密码，原有登录全部失效。\n${oneTimePasswordNotice(username, password)}`;
    }
    if (action === 'list') {
      const accounts = await listStaffAccounts(db);
      if (accounts.length === 0) return '还没有工作人员账号。';
      return accounts
        .map((a) => {
          const notes = [a.role === 'admin' ? '管理员' : '工作人员'];
          if (a.mustChangePassword === 1) notes.push('待修改初始密码');
          if (a.lockedUntil && new Date(a.lockedUntil) > now) notes.push(`锁定至 ${a.lockedUntil}`);
          return `${a.username}\t${a.displayName}\t${notes.join('，')}`;
        })
        .join('\n');
    }
  } catch (error) {
    if (error instanceof AppError) throw new CommandError(error.message);
    throw error;
  }
  throw new CommandError(adminUsage);
}
