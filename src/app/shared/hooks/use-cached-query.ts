import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiRequestError } from '../api/api-client';

export interface CachedQueryState<T> {
  data: T | null;
  /** The last failure; shown beside `data` when what is on screen is the copy kept from an earlier visit. */
  error: ApiRequestError | null;
  loading: boolean;
  reload: () => Promise<void>;
}

interface CachedQueryOptions<T> {
  cacheKey: string;
  load: () => Promise<T>;
  /** Checks what storage holds: a copy from an older app version, or one gone out of date, is no copy. */
  readCache: (stored: unknown) => T | null;
}

function asRequestError(error: unknown): ApiRequestError {
  return error instanceof ApiRequestError ? error : new ApiRequestError('network', null, '加载失败，请重试');
}

function storedValue(key: string): unknown {
  return Taro.getStorageSync(key) || null;
}

/**
 * Loads data and keeps the last good copy on the device, so that on a weak village network the
 * page opens at once with what was seen last time and refreshes when the network allows. When loads
 * overlap (a retry tapped while one is under way), only the latest one counts.
 */
export function useCachedQuery<T>({ cacheKey, load, readCache }: CachedQueryOptions<T>): CachedQueryState<T> {
  const loadRef = useRef(load);
  loadRef.current = load;
  const readCacheRef = useRef(readCache);
  readCacheRef.current = readCache;
  const latestLoad = useRef(0);
  const [data, setData] = useState<T | null>(() => readCache(storedValue(cacheKey)));
  const [error, setError] = useState<ApiRequestError | null>(null);
  const [loading, setLoading] = useState(true);

  const reload = useCallback(async () => {
    const ticket = ++latestLoad.current;
    setLoading(true);
    try {
      const fresh = await loadRef.current();
      if (ticket !== latestLoad.current) return;
      setData(fresh);
      setError(null);
      Taro.setStorage({ key: cacheKey, data: fresh }).catch(() => undefined);
    } catch (failure) {
      if (ticket === latestLoad.current) setError(asRequestError(failure));
    } finally {
      if (ticket === latestLoad.current) setLoading(false);
    }
  }, [cacheKey]);

  useEffect(() => {
    setData(readCacheRef.current(storedValue(cacheKey)));
    setError(null);
    void reload();
  }, [cacheKey, reload]);

  return { data, error, loading, reload };
}
