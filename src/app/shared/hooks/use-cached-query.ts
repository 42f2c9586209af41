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
  /** Checks what storage holds; a copy written by an older version of the app may no longer fit. */
  readCache: (stored: unknown) => T | null;
}

function asRequestError(error: unknown): ApiRequestError {
  return error instanceof ApiRequestError ? error : new ApiRequestError('network', null, '加载失败，请重试');
}

/**
 * Loads data and keeps the last good copy on the device, so that on a weak village network the
 * page opens at once with what was seen last time and refreshes when the network allows.
 */
export function useCachedQuery<T>({ cacheKey, load, readCache }: CachedQueryOptions<T>): CachedQueryState<T> {
  const loadRef = useRef(load);
  loadRef.current = load;
  const [data, setData] = useState<T | null>(() => readCache(Taro.getStorageSync(cacheKey) || null));
  const [error, setError] = useState<ApiRequestError | null>(null);
  const [loading, setLoading] = useState(true);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const fresh = await loadRef.current();
      setData(fresh);
      setError(null);
      Taro.setStorage({ key: cacheKey, data: fresh }).catch(() => undefined);
    } catch (failure) {
      setError(asRequestError(failure));
    } finally {
      setLoading(false);
    }
  }, [cacheKey]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, error, loading, reload };
}
