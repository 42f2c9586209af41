import { hash, verify } from '@node-rs/argon2';
import type { Database } from '../../db/schema';
import { AppError } from '../../shared/app-error';
import { claimAttempt, clearAttempts, lockedUntil, tooManyAttempts } from '../../shared/attempt-limiter';
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
    .set({ passwordHash: await hash(password), mustChangePassword: 1 })
    .where('id', '=', account.id)
    .execute();
  await clearAttempts(db, attemptKey(username));
  await revokeAllTokens(db, { kind: 'staff', id: account.id }, now);
  return password;
}

export async function listStaffAccounts(db: Database) {
  const accounts = await db
    .selectFrom('staffAccount')
    .select(['username', 'displayName', 'role', 'mustChangePassword', 'createdAt'])
    .orderBy('username')
    .execute();
  return Promise.all(accounts.map(async (a) => ({ ...a, lockedUntil: await lockedUntil(db, attemptKey(a.username)) })));
}

const attemptKey = (username: string) => `staff:${username}`;

/**
 * Checks a password. Failures are counted per username, known or not, before the check, and lock it
 * for a growing time; a wrong username and a wrong password get the same answers, so that which
 * usernames exist cannot be learnt.
 */
export async function checkStaffPassword(db: Database, username: string, password: string, now: Date) {
  const lockSet = await claimAttempt(db, attemptKey(username), now, '密码');
  const account = await db.selectFrom('staffAccount').select(['id', 'passwordHash']).where('username', '=', username).executeTakeFirst();
  const right = await verify(account?.passwordHash ?? (await UNKNOWN_USER_HASH), password);
  if (!account || !right) {
    if (lockSet) throw tooManyAttempts(lockSet, now, '密码');
    throw new AppError(401, 'WRONG_CREDENTIALS', '用户名或密码不正确');
  }
  await clearAttempts(db, attemptKey(username));
  return { id: account.id };
}

/** A new password; every other sign-in of the account ends, in case the old one was stolen. */
export async function changeStaffPassword(
  db: Database,
  account: { id: string; tokenHash: string },
  currentPassword: string,
  newPassword: string,
  now: Date,
): Promise<void> {
  const { username, passwordHash } = await db
    .selectFrom('staffAccount')
    .select(['username', 'passwordHash'])
    .where('id', '=', account.id)
    .executeTakeFirstOrThrow();
  const lockSet = await claimAttempt(db, attemptKey(username), now, '密码');
  if (!(await verify(passwordHash, currentPassword))) {
    if (lockSet) throw tooManyAttempts(lockSet, now, '密码');
    throw new AppError(400, 'WRONG_CURRENT_PASSWORD', '当前密码不正确');
  }
  await clearAttempts(db, attemptKey(username));
  await db
    .updateTable('staffAccount')
    .set({ passwordHash: await hash(newPassword), mustChangePassword: 0 })
    .where('id', '=', account.id)
    .execute();
  await revokeAllTokens(db, { kind: 'staff', id: account.id }, now, account.tokenHash);
}
