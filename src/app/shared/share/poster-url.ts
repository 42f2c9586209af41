import type { ShareKind } from '@core/sharing/schemas';
import { sharePath } from '@core/sharing/share-path';
import { PAGES } from '../pages';

export interface PosterRequest {
  kind: ShareKind;
  itemId: string;
  title: string;
  /** As residents read it, e.g. `12月4日 星期五 09:00–11:30`. */
  time: string;
  place: string;
}

/** The poster page for an item: it is told what to print, and asks the server only for the code. */
export function posterUrl(poster: PosterRequest): string {
  return sharePath(PAGES.sharePoster, { ...poster }, null);
}
