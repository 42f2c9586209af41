import { useEffect } from 'react';
import { sharingContract } from '@core/sharing/contract';
import type { ShareKind } from '@core/sharing/schemas';
import { sharerOf } from '@core/sharing/share-path';
import { callAsResident } from '../api/auth-session';
import { inMomentsSinglePage } from './moments';

/** Items whose open this app session has already told the server about (or is telling it now). */
const reported = new Set<string>();

/**
 * The sharer (`s`) and grid (`g`) the page's query carries, as the server takes them. A forged code
 * longer than any real one is still an open: cut to what the server takes, it is counted as
 * unattributed rather than refused.
 */
export function cardSharerOf(query: Record<string, string | undefined>): { sharer: string; grid: string } | null {
  const opened = sharerOf(query);
  return opened && { sharer: opened.sharer.slice(0, 32), grid: opened.grid.slice(0, 64) };
}

/**
 * When the page was opened from a shared card (its query carries the sharer's `s` and grid `g`), tells
 * the server once per item per app session, as the resident on this phone. The visitor came to read,
 * not to hear about counting: a failure is never shown, and the next open of the item tries again.
 */
export function useShareOpen(kind: ShareKind, itemId: string | null | undefined, query: Record<string, string | undefined>): void {
  const opened = cardSharerOf(query);
  const sharer = opened?.sharer;
  const grid = opened?.grid;
  useEffect(() => {
    // Opened from Moments nobody can sign in, so there is no visitor to count the open for.
    if (!itemId || !sharer || !grid || inMomentsSinglePage()) return;
    const key = `${kind}:${itemId}`;
    if (reported.has(key)) return;
    reported.add(key);
    callAsResident(sharingContract.open, { body: { kind, itemId, sharer, grid } }).catch(() => reported.delete(key));
  }, [kind, itemId, sharer, grid]);
}
