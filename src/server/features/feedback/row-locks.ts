import type { Transaction } from 'kysely';
import type { DatabaseSchema } from '../../db/schema';

type Trx = Transaction<DatabaseSchema>;

// One idiom for every lock: an update that writes a row's id back unchanged. In PostgreSQL it holds the
// row until the transaction ends; SQLite has no SELECT … FOR UPDATE, and there the write takes its
// database lock, so the same code serialises the same work on both.

/**
 * Holds a station while its sessions' items are assigned or moved: submissions, closing, cancelling
 * and moving a session of one station take their turns, and each reads the calendar after the last.
 */
export async function lockStation(trx: Trx, stationId: string): Promise<void> {
  await trx
    .updateTable('station')
    .set((eb) => ({ id: eb.ref('id') }))
    .where('id', '=', stationId)
    .execute();
}

/**
 * Holds items until the transaction ends, one at a time in a fixed order so that two transactions
 * locking overlapping items cannot deadlock. Their histories can then be appended to without a
 * colleague's action taking the same place in them.
 */
export async function lockItems(trx: Trx, itemIds: readonly string[]): Promise<void> {
  for (const id of [...itemIds].sort()) {
    await trx
      .updateTable('feedbackItem')
      .set((eb) => ({ id: eb.ref('id') }))
      .where('id', '=', id)
      .execute();
  }
}
