import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { NotificationTemplate } from '@core/feedback/schemas';
import type { DatabaseSchema } from '../../db/schema';

export interface NotificationRequest {
  userId: string;
  itemId: string | null;
  template: NotificationTemplate;
  /** The template's fields as WeChat's subscribe-message API takes them ({ thing1: { value } … }). */
  payload: Record<string, { value: string }>;
  /** For a message to be queued once only: a second request with the same key adds nothing. */
  dedupeKey?: string;
}

/** WeChat subscribe messages take short fields: `thing` at most 20 characters (whole characters, never half an emoji). */
export function thing(text: string): { value: string } {
  const characters = Array.from(text);
  return { value: characters.length > 20 ? `${characters.slice(0, 19).join('')}…` : text };
}

/**
 * Records a notification in the same transaction as the change it tells of, so a change is never
 * made without its message being queued; sending happens afterwards, with retries.
 */
export async function enqueueNotification(trx: Transaction<DatabaseSchema>, request: NotificationRequest, now: Date): Promise<void> {
  await trx
    .insertInto('notificationOutbox')
    .values({
      id: randomUUID(),
      userId: request.userId,
      itemId: request.itemId,
      template: request.template,
      payload: JSON.stringify(request.payload),
      createdAt: now.toISOString(),
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now.toISOString(),
      lastError: null,
      sentAt: null,
      dedupeKey: request.dedupeKey ?? null,
    })
    .onConflict((oc) => oc.column('dedupeKey').doNothing())
    .execute();
}
