import { useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { sharePath, type Sharer } from '@core/sharing/share-path';
import { useSharer } from './sharer';

export interface ShareCard {
  title: string;
  /** The page the card opens, e.g. PAGES.quizDaily. */
  page: string;
  /** What the page needs to show the same content; the sharer's grid and code are added to it. */
  query: Record<string, string>;
  imageUrl?: string;
  /**
   * A card of a page that records no open (a list, a tab): it carries no sharer, since nothing would
   * count what it brought.
   */
  withoutSharer?: boolean;
}

/**
 * Registers the page's share card (a chat card, and a Moments post where the page config enables it)
 * and gives back the path it opens. A grid worker's card carries their grid and short code, since WeChat
 * gives no callback when a card is shared: the opened path itself must say who shared it. The sharer is
 * handed back too, for pages that offer grid workers more (a poster).
 */
export function useShareCard(card: ShareCard): { path: string; sharer: Sharer | null } {
  const worker = useSharer();
  const sharer = card.withoutSharer ? null : worker;
  const path = sharePath(card.page, card.query, sharer);
  useShareAppMessage(() => ({ title: card.title, path, imageUrl: card.imageUrl }));
  // A Moments post opens the same page with a query string rather than a path.
  useShareTimeline(() => ({ title: card.title, query: path.split('?')[1] ?? '', imageUrl: card.imageUrl }));
  return { path, sharer };
}
