import type { Database } from '../../db/schema';
import { newToken, sha256 } from '../../shared/secrets';

export type TokenSubject = { kind: 'user' | 'staff'; id: string };

const DAY_MS = 24 * 60 * 60 * 1000;
/** Residents stay signed in for a month after their last use; a staff desk session ends the same day. */
export const TOKEN_LIFETIME_MS = { user: 30 * DAY_MS, staff: 12 * 60 * 60 * 1000 } as const;

export async function issueToken(db: Database, subject: TokenSubject, now: Date) {
  const token = newToken();
  const tokenHash = sha256(token);
  const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MS[subject.kind]).toISOString();
  await db
    .insertInto('authToken')
    .values({
      tokenHash,
      subjectKind: subject.kind,
      subjectId: subject.id,
      createdAt: now.toISOString(),
      expiresAt,
    })
    .execute();
  return { token, expiresAt, tokenHash };
}

/**
 * The subject a live token stands for; an unknown, expired or revoked token stands for no one.
 * A resident's sign-in is renewed by use, so that the identity kept on a phone or in a browser (and
 * any role bound to it) lasts as long as it is used at least once a month.
 */
export async function resolveToken(db: Database, token: string, now: Date): Promise<(TokenSubject & { tokenHash: string }) | null> {
  const tokenHash = sha256(token);
  const row = await db
    .selectFrom('authToken')
    .select(['subjectKind', 'subjectId', 'expiresAt'])
    .where('tokenHash', '=', tokenHash)
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', now.toISOString())
    .executeTakeFirst();
  if (!row) return null;
  const renewed = new Date(now.getTime() + TOKEN_LIFETIME_MS.user);
  const halfGone = new Date(row.expiresAt).getTime() - now.getTime() < TOKEN_LIFETIME_MS.user / 2;
  if (row.subjectKind === 'user' && halfGone) {
    await db.updateTable('authToken').set({ expiresAt: renewed.toISOString() }).where('tokenHash', '=', tokenHash).execute();
  }
  return { kind: row.subjectKind, id: row.subjectId, tokenHash };
}

export async function revokeToken(db: Database, tokenHash: string, now: Date): Promise<void> {
  await db.updateTable('authToken').set({ revokedAt: now.toISOString() }).where('tokenHash', '=', tokenHash).execute();
}

/** Ends every sign-in of the subject, but for the one (if named) that asked for it. */
export async function revokeAllTokens(db: Database, subject: TokenSubject, now: Date, keepTokenHash?: string): Promise<void> {
  let query = db
    .updateTable('authToken')
    .set({ revokedAt: now.toISOString() })
    .where('subjectKind', '=', subject.kind)
    .where('subjectId', '=', subject.id)
    .where('revokedAt', 'is', null);
  if (keepTokenHash) query = query.where('tokenHash', '!=', keepTokenHash);
  await query.execute();
}
