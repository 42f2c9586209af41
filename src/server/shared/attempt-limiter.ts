import { sql } from 'kysely';
import { FREE_ATTEMPTS, lockMinutesAfter, waitMessage } from '@core/identity/lockout';
import type { Database } from '../db/schema';
import { AppError } from './app-error';

/** The longest lock is reached after this many failures; more failures keep it there. */
const LONGEST_LOCK_AFTER = 11;

export function tooManyAttempts(lockedUntil: Date, now: Date, what: string): AppError {
  const seconds = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
  return new AppError(429, 'TOO_MANY_ATTEMPTS', waitMessage(lockedUntil, now, what), seconds);
}

/**
 * Counts an attempt at a secret before it is checked, in one statement that also sets the lock
 * when this attempt reaches it, so that guesses sent all at once cannot slip past the count.
 * Answers the lock this attempt set, if any; throws 429 while a lock holds.
 */
export async function claimAttempt(db: Database, key: string, now: Date, what: string): Promise<Date | null> {
  await db.insertInto('attemptLimit').values({ key, failures: 0, lockedUntil: null }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const lockAt = (failures: number) => new Date(now.getTime() + lockMinutesAfter(failures) * 60_000).toISOString();
  let lockCase = sql<string | null>`null`;
  for (let failures = FREE_ATTEMPTS; failures <= LONGEST_LOCK_AFTER; failures += 1) {
    const comparison = failures === LONGEST_LOCK_AFTER ? sql`>=` : sql`=`;
    lockCase = sql<string | null>`case when failures + 1 ${comparison} ${failures} then ${lockAt(failures)} else ${lockCase} end`;
  }
  const claimed = await db
    .updateTable('attemptLimit')
    .set({ failures: sql<number>`failures + 1`, lockedUntil: lockCase })
    .where('key', '=', key)
    .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<=', now.toISOString())]))
    .returning(['lockedUntil'])
    .executeTakeFirst();
  if (!claimed) {
    const held = await db.selectFrom('attemptLimit').select('lockedUntil').where('key', '=', key).executeTakeFirstOrThrow();
    throw tooManyAttempts(new Date(held.lockedUntil ?? now), now, what);
  }
  return claimed.lockedUntil ? new Date(claimed.lockedUntil) : null;
}

/** A right answer forgives the failures before it. */
export async function clearAttempts(db: Database, key: string): Promise<void> {
  await db.updateTable('attemptLimit').set({ failures: 0, lockedUntil: null }).where('key', '=', key).execute();
}

export async function lockedUntil(db: Database, key: string): Promise<string | null> {
  const row = await db.selectFrom('attemptLimit').select('lockedUntil').where('key', '=', key).executeTakeFirst();
  return row?.lockedUntil ?? null;
}
