import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { identityContract } from '@core/identity/contract';
import type { Sharer } from '@core/sharing/share-path';
import { callAsResident, storedToken } from '../api/auth-session';
import { inMomentsSinglePage } from './moments';

const STORAGE_KEY = 'share.sharer';

function storedSharer(): Sharer | null {
  const stored = Taro.getStorageSync(STORAGE_KEY) as Partial<Sharer> | '' | null;
  return stored && typeof stored.gridId === 'string' && typeof stored.sharerCode === 'string'
    ? { gridId: stored.gridId, sharerCode: stored.sharerCode }
    : null;
}

let pendingLoad: Promise<Sharer | null> | null = null;

/** Asks the server once at a time, however many share cards on screen want to know. */
function loadSharer(): Promise<Sharer | null> {
  pendingLoad ??= callAsResident(identityContract.me)
    .then((me) => {
      const sharer = me.gridWorker ? { gridId: me.gridWorker.gridId, sharerCode: me.gridWorker.sharerCode } : null;
      if (sharer) Taro.setStorageSync(STORAGE_KEY, sharer);
      else Taro.removeStorageSync(STORAGE_KEY);
      return sharer;
    })
    .finally(() => {
      pendingLoad = null;
    });
  return pendingLoad;
}

/**
 * The grid worker on this phone as their share cards name them (grid and short code), else null. Kept
 * on the phone so that a card shared before the network answers carries them too, and refreshed on each
 * page, since binding or being revoked changes it. Nobody is signed in just to ask: a phone without a
 * resident sign-in has no grid worker on it.
 */
export function useSharer(): Sharer | null {
  const [sharer, setSharer] = useState<Sharer | null>(storedSharer);
  useEffect(() => {
    // Opened from Moments nothing can be shared onwards, and nobody can sign in to ask.
    if (!storedToken('resident') || inMomentsSinglePage()) return;
    let current = true;
    loadSharer()
      .then((fresh) => current && setSharer(fresh))
      // Offline, the kept copy stands; a share card never waits for or complains about this.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, []);
  return sharer;
}
