import type { Activity, LogActivity } from '@core/supervision/schemas';
import { phoneOutbox, type OutboxEntry, type SendOutcome } from '../../shared/outbox/phone-outbox';
import { logActivity } from './api/supervision-api';

export type PendingActivity = OutboxEntry<LogActivity>;

function isPendingActivity(value: unknown): value is PendingActivity {
  const entry = value as PendingActivity | null;
  return typeof entry?.body?.clientId === 'string' && typeof entry.body.observation === 'string';
}

/** Entries logged on the spot, kept on the phone until the office has them: a weak network loses none. */
export const activityOutbox = phoneOutbox<LogActivity, PendingActivity, Activity>({
  storageKey: 'supervision.pending',
  isEntry: isPendingActivity,
  send: (entry) => logActivity(entry.body),
  sentLater: '待发送的记录已发出',
});

/** Saves a checked entry on the phone (replacing a refused copy with the same clientId), then sends it. */
export function saveAndSend(body: LogActivity): Promise<SendOutcome<Activity>> {
  activityOutbox.put({ body, savedAt: new Date().toISOString(), attempts: 0, nextAttemptAt: null, lastProblem: null, refusal: null });
  return activityOutbox.send(body.clientId);
}
