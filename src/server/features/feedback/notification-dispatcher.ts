import type { FastifyBaseLogger } from 'fastify';
import { NOTIFICATION_TEMPLATES, type NotificationTemplate } from '@core/feedback/schemas';
import type { Database, NotificationOutboxTable } from '../../db/schema';
import { WeChatSendError, type WeChatClient } from '../identity/wechat-client';
import { eventPageOf, queueEventReminders } from '../events/event-reminders';
import { queueSessionReminders } from './session-reminders';

/** After this many failed tries a message is given up as 'failed'. */
export const MAX_SEND_ATTEMPTS = 5;
/** Rows taken per run, so a long backlog is worked through in turns. */
const BATCH_SIZE = 50;
/** A row being sent is held this long, so a second dispatcher (another process) leaves it alone. */
const CLAIM_MS = 60_000;
const DEFAULT_INTERVAL_MS = 30_000;

const TEMPLATE_ENV: Record<NotificationTemplate, string> = {
  reply: 'WECHAT_TEMPLATE_REPLY',
  status: 'WECHAT_TEMPLATE_STATUS',
  session: 'WECHAT_TEMPLATE_SESSION',
  event: 'WECHAT_TEMPLATE_EVENT',
};

export interface DispatcherOptions {
  db: Database;
  wechat: WeChatClient;
  templates: Partial<Record<NotificationTemplate, string>>;
  now: () => Date;
}

export interface DispatchOutcome {
  sent: number;
  notSent: number;
  retrying: number;
  failed: number;
}

/** Minutes before the next try after `attempts` failures: 1, 2, 4, 8. */
function backoffMs(attempts: number): number {
  return 2 ** (attempts - 1) * 60_000;
}

/** The page a message opens: the item or event it tells of, or the home page with the next session. */
function pageFor(row: Pick<NotificationOutboxTable, 'itemId' | 'dedupeKey'>): string {
  if (row.itemId) return `packages/feedback/detail/index?id=${row.itemId}`;
  return eventPageOf(row.dedupeKey) ?? 'pages/home/index';
}

function isTemplate(value: string): value is NotificationTemplate {
  return (NOTIFICATION_TEMPLATES as readonly string[]).includes(value);
}

/** Where the message goes, or why it cannot be sent at all (so that retrying would not help). */
async function deliveryTarget(
  options: DispatcherOptions,
  row: NotificationOutboxTable,
): Promise<{ reason: string } | { openid: string; templateId: string }> {
  if (!options.wechat.configured) return { reason: '未配置微信小程序的 AppID 和 AppSecret（WECHAT_APPID、WECHAT_SECRET）' };
  const templateId = isTemplate(row.template) ? options.templates[row.template] : undefined;
  if (!templateId) {
    const variable = isTemplate(row.template) ? TEMPLATE_ENV[row.template] : row.template;
    return { reason: `未配置这类订阅消息的模板编号（${variable}）` };
  }
  const user = await options.db.selectFrom('appUser').select('wechatOpenid').where('id', '=', row.userId).executeTakeFirst();
  if (!user?.wechatOpenid) return { reason: '用户在浏览器中使用，没有微信身份，无法接收订阅消息' };
  const grant = await options.db
    .selectFrom('notificationGrant')
    .select('remaining')
    .where('userId', '=', row.userId)
    .where('template', '=', row.template)
    .executeTakeFirst();
  if (!grant || Number(grant.remaining) < 1) return { reason: '用户没有订阅这类消息，或订阅次数已用完' };
  return { openid: user.wechatOpenid, templateId };
}

async function settle(db: Database, row: NotificationOutboxTable, changes: Partial<NotificationOutboxTable>): Promise<void> {
  await db.updateTable('notificationOutbox').set(changes).where('id', '=', row.id).execute();
}

async function dispatchOne(options: DispatcherOptions, row: NotificationOutboxTable): Promise<keyof DispatchOutcome> {
  const { db } = options;
  const now = options.now();
  const target = await deliveryTarget(options, row);
  if ('reason' in target) {
    await settle(db, row, { status: 'not_sent', lastError: target.reason, nextAttemptAt: null });
    return 'notSent';
  }
  const attempts = Number(row.attempts) + 1;
  try {
    await options.wechat.sendSubscribeMessage({
      openid: target.openid,
      templateId: target.templateId,
      page: pageFor(row),
      data: JSON.parse(row.payload) as Record<string, { value: string }>,
    });
  } catch (error) {
    if (!(error instanceof WeChatSendError)) throw error;
    const givenUp = attempts >= MAX_SEND_ATTEMPTS;
    await settle(db, row, {
      status: givenUp ? 'failed' : 'pending',
      attempts,
      lastError: error.message,
      nextAttemptAt: givenUp ? null : new Date(now.getTime() + backoffMs(attempts)).toISOString(),
    });
    return givenUp ? 'failed' : 'retrying';
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('notificationOutbox')
      .set({ status: 'sent', attempts, sentAt: now.toISOString(), lastError: null, nextAttemptAt: null })
      .where('id', '=', row.id)
      .execute();
    // Each tap the user gave allows WeChat to deliver one message of that template.
    await trx
      .updateTable('notificationGrant')
      .set((eb) => ({ remaining: eb('remaining', '-', 1) }))
      .where('userId', '=', row.userId)
      .where('template', '=', row.template)
      .where('remaining', '>', 0)
      .execute();
  });
  return 'sent';
}

/**
 * Works through the outbox rows that are due once: sends each through WeChat, records why one
 * cannot be sent, and schedules a retry with back-off for one WeChat did not take.
 */
export async function dispatchDueNotifications(options: DispatcherOptions): Promise<DispatchOutcome> {
  const { db } = options;
  const now = options.now();
  const outcome: DispatchOutcome = { sent: 0, notSent: 0, retrying: 0, failed: 0 };
  const due = await db
    .selectFrom('notificationOutbox')
    .selectAll()
    .where('status', '=', 'pending')
    .where('nextAttemptAt', '<=', now.toISOString())
    .orderBy('createdAt')
    .limit(BATCH_SIZE)
    .execute();
  for (const row of due) {
    const claimed = await db
      .updateTable('notificationOutbox')
      .set({ nextAttemptAt: new Date(now.getTime() + CLAIM_MS).toISOString() })
      .where('id', '=', row.id)
      .where('status', '=', 'pending')
      .where('nextAttemptAt', '=', row.nextAttemptAt)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) continue;
    outcome[await dispatchOne(options, row)] += 1;
  }
  return outcome;
}

export interface NotificationDispatcher {
  stop: () => Promise<void>;
}

/**
 * Every `intervalMs` until stopped, queues the reminders of tomorrow's sessions and events and works through the
 * outbox; a run in progress is finished before stop resolves.
 */
export function startNotificationDispatcher(
  options: DispatcherOptions & { log: FastifyBaseLogger; intervalMs?: number },
): NotificationDispatcher {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const run = async () => {
    try {
      await queueSessionReminders(options.db, options.now());
    } catch (error) {
      options.log.error({ err: error }, 'queuing session reminders failed');
    }
    try {
      await queueEventReminders(options.db, options.now());
    } catch (error) {
      options.log.error({ err: error }, 'queuing event reminders failed');
    }
    try {
      const outcome = await dispatchDueNotifications(options);
      if (outcome.sent + outcome.notSent + outcome.retrying + outcome.failed > 0) options.log.info({ outcome }, 'notifications dispatched');
    } catch (error) {
      options.log.error({ err: error }, 'notification dispatch failed');
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = run().then(schedule);
    }, options.intervalMs ?? DEFAULT_INTERVAL_MS);
  };
  running = run().then(schedule);
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
