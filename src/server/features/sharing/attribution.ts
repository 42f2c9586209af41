import type { ShareKind } from '@core/sharing/schemas';
import { shanghaiDateOf } from '@core/shared/shanghai-time';
import type { Database } from '../../db/schema';
import { sharerByCode } from './sharers';

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

/** An open of a shared card, as its path carried the sharer (`s`) and grid (`g`). */
export interface CardOpen {
  kind: ShareKind;
  itemId: string;
  sharer?: string;
  grid?: string;
}

/**
 * Records that a visitor opened an item's card; the item must exist. The first open of an item by a
 * visitor wins: later ones, through whoever's card, change nothing. A forged or stale code, or a grid
 * that is not the sharer's, still counts as an open, but for no one; a grid worker opening their own
 * card reached nobody and is not recorded. Takes a transaction too, so that a sign-up that carries its
 * card records it before reading its attribution.
 */
export async function recordCardOpen(db: Database, visitorId: string, open: CardOpen, now: Date): Promise<void> {
  const sharer = open.sharer ? await sharerByCode(db, open.sharer) : null;
  if (sharer && sharer.userId === visitorId) return;
  const credited = sharer && sharer.gridId === open.grid ? sharer : null;
  await db
    .insertInto('shareOpen')
    .values({
      visitorId,
      kind: open.kind,
      itemId: open.itemId,
      sharerId: credited?.id ?? null,
      gridId: credited?.gridId ?? null,
      openedAt: now.toISOString(),
      openedOn: shanghaiDateOf(now),
    })
    .onConflict((oc) => oc.columns(['visitorId', 'kind', 'itemId']).doNothing())
    .execute();
}

/** The columns a visitor's sign-up, feedback item or quiz attempt keeps of its attribution. */
export function attributionColumns(attribution: Attribution | null): { viaGridId: string | null; sharerId: string | null } {
  return { viaGridId: attribution?.gridId ?? null, sharerId: attribution?.sharerId ?? null };
}
