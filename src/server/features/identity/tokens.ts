import type { Database } from '../../db/schema';
import { newToken, sha256 } from '../../shared/secrets';

export type TokenSubject = { kind: 'user' | 'staff'; id: string };

const DAY_MS = 24 * 60 * 60 * 1000;
/** Residents stay signed in for a month; a staff desk session ends the same day. */
export const TOKEN_LIFETIME_MS = { user: 30 * DAY_MS, staff: 12 * 60 * 60 * 1000 } as const;

export async function issueToken(db: Database, subject: TokenSubject, now: Date) {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + TOKEN_LIFETIME_MS[subject.kind]).toISOString();
  await db
    .insertInto('authToken')
    .values({
      tokenHash: sha256(token),
      subjectKind: subject.kind,
      subjectId: subject.id,
      createdAt: now.toISOString(),
      expiresAt,
    })
    .execute();
  return { token, expiresAt };
}

/** The subject a live token stands for; an unknown, expired or revoked token stands for no one. */
export async function resolveToken(db: Database, token: string, now: Date): Promise<(TokenSubject & { tokenHash: string }) | null> {
  const tokenHash = sha256(token);
  const row = await db
    .selectFrom('authToken')
    .select(['subjectKind', 'subjectId'])
    .where('tokenHash', '=', tokenHash)
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', now.toISOString())
    .executeTakeFirst();
  return row ? { kind: row.subjectKind, id: row.subjectId, tokenHash } : null;
}

export async function revokeToken(db: Database, tokenHash: string, now: Date): Promise<void> {
  await db.updateTable('authToken').set({ revokedAt: now.toISOString() }).where('tokenHash', '=', tokenHash).execute();
}

export async function revokeAllTokens(db: Database, subject: TokenSubject, now: Date): Promise<void> {
  await db
    .updateTable('authToken')
    .set({ revokedAt: now.toISOString() })
    .where('subjectKind', '=', subject.kind)
    .where('subjectId', '=', subject.id)
    .where('revokedAt', 'is', null)
    .execute();
}
