import type { ShareKind } from '@core/sharing/schemas';
import { isLocalDate, parseLocalDate } from '@core/shared/shanghai-time';
import type { Database } from '../../db/schema';
import { AppError } from '../../shared/app-error';

/** What a shared card points at: its title for figures, and the app page (with query) that shows it. */
export interface SharedItem {
  title: string;
  /** As in the app's pages (src/app/shared/pages.ts), with the leading slash. */
  page: string;
  query: Record<string, string>;
}

function monthDay(date: string): string {
  const { month, day } = parseLocalDate(date);
  return `${month}月${day}日`;
}

/**
 * The item a share names, or null when there is none: an unknown or draft event, an unknown contest or
 * station. A session is `<station>/<date>` (a date the card was made for, even if since cancelled); the
 * daily quiz is `daily/<date>`, the day its card was made for.
 */
export async function findSharedItem(db: Database, kind: ShareKind, itemId: string): Promise<SharedItem | null> {
  switch (kind) {
    case 'event': {
      const event = await db.selectFrom('event').select('title').where('id', '=', itemId).where('status', '!=', 'draft').executeTakeFirst();
      return event ? { title: event.title, page: '/packages/events/detail/index', query: { id: itemId } } : null;
    }
    case 'contest': {
      const contest = await db.selectFrom('contest').select('title').where('id', '=', itemId).executeTakeFirst();
      return contest ? { title: contest.title, page: '/packages/contest/detail/index', query: { id: itemId } } : null;
    }
    case 'quiz': {
      // `daily/<date>`: each day's quiz is its own item, so that each day's card counts for that day.
      const [daily, date, ...rest] = itemId.split('/');
      if (daily !== 'daily' || !date || rest.length > 0 || !isLocalDate(date)) return null;
      return { title: `每日一练 ${monthDay(date)}`, page: '/packages/quiz/daily/index', query: { from: 'quiz', date } };
    }
    case 'session':
    case 'summary': {
      const [stationId, date, ...rest] = itemId.split('/');
      if (!date || rest.length > 0 || !isLocalDate(date)) return null;
      const station = await db.selectFrom('station').select('name').where('id', '=', stationId).executeTakeFirst();
      if (!station) return null;
      return kind === 'session'
        ? { title: `${station.name} ${monthDay(date)}接待日`, page: '/pages/home/index', query: { station: stationId, date } }
        : {
            title: `${station.name} ${monthDay(date)}接待日小结`,
            page: '/packages/info/session-summary/index',
            query: { station: stationId, date },
          };
    }
  }
}

export async function sharedItemOr404(db: Database, kind: ShareKind, itemId: string): Promise<SharedItem> {
  const item = await findSharedItem(db, kind, itemId);
  if (!item) throw new AppError(404, 'SHARED_ITEM_NOT_FOUND', '分享的内容不存在或已删除');
  return item;
}
