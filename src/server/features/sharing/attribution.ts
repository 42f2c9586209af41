import type { ShareKind } from '@core/sharing/schemas';
import type { Database } from '../../db/schema';

/** Who brought a visitor to an item: the grid worker whose card they opened first, and that worker's grid. */
export interface Attribution {
  gridId: string;
  sharerId: string;
}

/**
 * The attribution that what a visitor does with an item (a sign-up, a quiz attempt) carries: the sharer
 * of the first card of that item they opened, or null when that open carried no valid sharer or there
 * was none. Takes a transaction too, so that a sign-up stores it in the same transaction.
 */
export async function attributionFor(db: Database, userId: string, kind: ShareKind, itemId: string): Promise<Attribution | null> {
  const row = await db
    .selectFrom('shareOpen')
    .select(['gridId', 'sharerId'])
    .where('visitorId', '=', userId)
    .where('kind', '=', kind)
    .where('itemId', '=', itemId)
    .executeTakeFirst();
  return row?.gridId && row.sharerId ? { gridId: row.gridId, sharerId: row.sharerId } : null;
}
