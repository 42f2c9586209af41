import { hash, verify } from '@node-rs/argon2';
import { lockMinutesAfter, waitMessage } from '@core/identity/lockout';
import type { Database } from '../../db/schema';
import { AppError } from '../../shared/app-error';
import { newId, randomCode } from '../../shared/secrets';
import { revokeAllTokens } from './tokens';

// Readable when printed once on a terminal and typed in by hand: no look-alike characters.
const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
const ONE_TIME_PASSWORD_LENGTH = 14;

// Verifying against this when the username is unknown makes both failures take the same time.
const UNKNOWN_USER_HASH = hash('fazhi-yizhan: no such account');

function oneTimePassword(): string {
  return randomCode(PASSWORD_ALPHABET, ONE_TIME_PASSWORD_LENGTH);
}

export async function createStaffAccount(
  db: Database,
  input: { username: string; displayName: string; role: 'staff' | 'admin' },
  now: Date,
): Promise<{ username: string; oneTimePassword: string }> {
  const existing = await db.selectFrom('staffAccount').select('id').where('username', '=', input.username).executeTakeFirst();
  if (existing) throw new AppError(409, 'USERNAME_TAKEN', `用户名 ${input.username} 已被使用`);
  const password = oneTimePassword();
  await db
    .insertInto('staffAccount')
    .values({
      id: newId(),
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      passwordHash: await hash(password),
      mustChangePassword: 1,
      createdAt: now.toISOString(),
    })
    .execute();
  return { username: input.username, oneTimePassword: password };
}

/** A new one-time password; the old one and every open sign-in stop working. */
export async function resetStaffPassword(db: Database, username: string, now: Date): Promise<string> {
  const account = await db.selectFrom('staffAccount').select('id').where('username', '=', username).executeTakeFirst();
  if (!account) throw new AppError(404, 'STAFF_NOT_FOUND', `没有用户名为 ${username} 的账号`);
  const password = oneTimePassword();
  await db
    .updateTable('staffAccount')
    .set({ passwordHash: await hash(password), mustChangePassword: 1, failedAttempts: 0, lockedUntil: null })
    .where('id', '=', account.id)
    .execute();
  await revokeAllTokens(db, { kind: 'staff', id: account.id }, now);
  return password;
}

export async function listStaffAccounts(db: Database) {
  return db
    .selectFrom('staffAccount')
    .select(['username', 'displayName', 'role', 'mustChangePassword', 'lockedUntil', 'createdAt'])
    .orderBy('username')
    .execute();
}

async function recordFailure(db: Database, accountId: string, now: Date): Promise<Date | null> {
  const row = await db
    .updateTable('staffAccount')
    .set((eb) => ({ failedAttempts: eb('failedAttempts', '+', 1) }))
    .where('id', '=', accountId)
    .returning('failedAttempts')
    .executeTakeFirstOrThrow();
  const minutes = lockMinutesAfter(row.failedAttempts);
  if (minutes === 0) return null;
  const lockedUntil = new Date(now.getTime() + minutes * 60_000);
  await db.updateTable('staffAccount').set({ lockedUntil: lockedUntil.toISOString() }).where('id', '=', accountId).execute();
  return lockedUntil;
}

function lockedOut(lockedUntil: Date, now: Date): AppError {
  const seconds = Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000);
  return new AppError(429, 'TOO_MANY_ATTEMPTS', waitMessage(lockedUntil, now, '密码'), seconds);
}

/**
 * Checks a password, locking the account for a growing time after repeated failures. A wrong
 * username and a wrong password get the same answer, so that usernames cannot be discovered.
 */
export async function checkStaffPassword(db: Database, username: string, password: string, now: Date) {
  const account = await db
    .selectFrom('staffAccount')
    .select(['id', 'passwordHash', 'lockedUntil'])
    .where('username', '=', username)
    .executeTakeFirst();
  if (!account) {
    await verify(await UNKNOWN_USER_HASH, password);
    throw new AppError(401, 'WRONG_CREDENTIALS', '用户名或密码不正确');
  }
  if (account.lockedUntil && new Date(account.lockedUntil) > now) throw lockedOut(new Date(account.lockedUntil), now);
  if (!(await verify(account.passwordHash, password))) {
    const lockedUntil = await recordFailure(db, account.id, now);
    if (lockedUntil) throw lockedOut(lockedUntil, now);
    throw new AppError(401, 'WRONG_CREDENTIALS', '用户名或密码不正确');
  }
  await db.updateTable('staffAccount').set({ failedAttempts: 0, lockedUntil: null }).where('id', '=', account.id).execute();
  return { id: account.id };
}

export async function changeStaffPassword(
  db: Database,
  accountId: string,
  currentPassword: string,
  newPassword: string,
  now: Date,
): Promise<void> {
  const account = await db
    .selectFrom('staffAccount')
    .select(['passwordHash', 'lockedUntil'])
    .where('id', '=', accountId)
    .executeTakeFirstOrThrow();
  if (account.lockedUntil && new Date(account.lockedUntil) > now) throw lockedOut(new Date(account.lockedUntil), now);
  if (!(await verify(account.passwordHash, currentPassword))) {
    const lockedUntil = await recordFailure(db, accountId, now);
    if (lockedUntil) throw lockedOut(lockedUntil, now);
    throw new AppError(400, 'WRONG_CURRENT_PASSWORD', '当前密码不正确');
  }
  await db
    .updateTable('staffAccount')
    .set({ passwordHash: await hash(newPassword), mustChangePassword: 0, failedAttempts: 0, lockedUntil: null })
    .where('id', '=', accountId)
    .execute();
}
