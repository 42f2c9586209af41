import { SHARER_CODE_PATTERN } from '@core/sharing/schemas';
import type { Database } from '../../db/schema';
import { randomCode } from '../../shared/secrets';
import { isUniqueViolation } from '../../shared/unique-violation';

/** The letters and digits of SHARER_CODE_PATTERN: none that read alike (0/O, 1/I). */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const SHARER_CODE_LENGTH = 6;

/** A grid worker as their share cards name them. */
export interface Sharer {
  id: string;
  userId: string | null;
  gridId: string;
  sharerCode: string;
}

/** The grid worker bound to this user now, if any. */
export async function gridWorkerOf(db: Database, userId: string) {
  return db
    .selectFrom('gridWorker')
    .innerJoin('grid', 'grid.id', 'gridWorker.gridId')
    .select(['gridWorker.id', 'gridWorker.gridId', 'grid.name as gridName', 'gridWorker.sharerCode'])
    .where('gridWorker.userId', '=', userId)
    .where('gridWorker.revokedAt', 'is', null)
    .executeTakeFirst();
}

/**
 * The worker's sharer code, given on first need and never changed, since cards already posted carry it.
 * Two first requests at once both try; the one that lands first is kept and read back by both.
 */
export async function sharerCodeOf(db: Database, gridWorkerId: string): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const row = await db.selectFrom('gridWorker').select('sharerCode').where('id', '=', gridWorkerId).executeTakeFirstOrThrow();
    if (row.sharerCode) return row.sharerCode;
    try {
      await db
        .updateTable('gridWorker')
        .set({ sharerCode: randomCode(CODE_ALPHABET, SHARER_CODE_LENGTH) })
        .where('id', '=', gridWorkerId)
        .where('sharerCode', 'is', null)
        .execute();
    } catch (error) {
      // Another worker already holds that code: draw again.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new Error(`No free sharer code for grid worker ${gridWorkerId}`);
}

/** The worker a code names, while they are still a grid worker; null for a malformed, unknown or revoked code. */
export async function sharerByCode(db: Database, code: string): Promise<Sharer | null> {
  if (!SHARER_CODE_PATTERN.test(code)) return null;
  const row = await db
    .selectFrom('gridWorker')
    .select(['id', 'userId', 'gridId', 'sharerCode'])
    .where('sharerCode', '=', code)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  return row?.sharerCode ? { ...row, sharerCode: row.sharerCode } : null;
}
