import type { Transaction } from 'kysely';
import type { FeedbackEventAction } from '@core/feedback/schemas';
import type { DatabaseSchema, FeedbackEventTable } from '../../db/schema';

export type NewFeedbackEvent = Omit<Partial<FeedbackEventTable>, 'itemId' | 'seq' | 'action' | 'at' | 'actorKind'> & {
  action: FeedbackEventAction;
  at: string;
  actorKind: FeedbackEventTable['actorKind'];
};

/**
 * Appends one event to an item's history, inside the transaction that made the change. The
 * (item, seq) key means two people acting on one item at once cannot both succeed unnoticed.
 */
export async function appendEvent(trx: Transaction<DatabaseSchema>, itemId: string, event: NewFeedbackEvent): Promise<void> {
  const last = await trx
    .selectFrom('feedbackEvent')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('itemId', '=', itemId)
    .executeTakeFirst();
  await trx
    .insertInto('feedbackEvent')
    .values({
      itemId,
      seq: Number(last?.seq ?? 0) + 1,
      staffId: null,
      fromStatus: null,
      toStatus: null,
      text: null,
      stars: null,
      movedFrom: null,
      movedTo: null,
      linkedItemId: null,
      ...event,
    })
    .execute();
}
