import { useEffect, useState } from 'react';
import { sharingContract } from '@core/sharing/contract';
import type { ShareScene } from '@core/sharing/schemas';
import { callApi } from '../api/api-client';

type PageQuery = Record<string, string | undefined>;

/** The page query that shows a shared item, from the kind and id a poster code's scene stands for. */
function itemQuery({ kind, itemId }: Pick<ShareScene, 'kind' | 'itemId'>): PageQuery {
  if (kind === 'session' || kind === 'summary') {
    const [station, date] = itemId.split('/');
    return { station, date };
  }
  // The daily quiz is `daily/<date>`.
  return kind === 'quiz' ? { from: 'quiz', date: itemId.split('/')[1] } : { id: itemId };
}

/**
 * The page's query as the share that opened it meant it. A card or a QR code carries it whole; a WeChat
 * mini-program code on a poster carries only a short `scene`, which the server turns back into the item
 * and its sharer (`s`, `g`). Null while that is being asked; a scene the server no longer knows leaves
 * the query as it came, so the page shows what it shows without one.
 */
export function useSharedQuery(params: PageQuery): PageQuery | null {
  const scene = params.scene ? decodeURIComponent(params.scene) : null;
  const [resolved, setResolved] = useState<PageQuery | null>(null);
  useEffect(() => {
    if (!scene) return;
    let current = true;
    callApi(sharingContract.scene, { params: { scene } })
      .then((found) => ({ ...itemQuery(found), ...(found.sharer && found.grid && { s: found.sharer, g: found.grid }) }))
      .catch(() => ({}))
      .then((query) => current && setResolved({ ...params, ...query }));
    return () => {
      current = false;
    };
    // The query of a page does not change while it is open; the scene alone decides.
  }, [scene]);
  return scene ? resolved : params;
}
