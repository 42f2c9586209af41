import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiRequestError } from '../api/api-client';
import { backToSignInIfNeeded } from '../api/back-to-sign-in';
import { useReloadOnReturn } from './use-reload-on-return';

export interface StaffQueryState<T> {
  /** The last answer; kept on screen while the next one loads. */
  data: T | null;
  problem: string | null;
  reload: () => Promise<void>;
}

/**
 * What an office page lists: loaded whenever `load` changes (other filters, another page) and again
 * when the person comes back to the page. When loads overlap, as in a quick run of filter taps, only
 * the answer to the last one is shown. A lapsed staff sign-in goes back to the sign-in page.
 */
export function useStaffQuery<T>(load: () => Promise<T>): StaffQueryState<T> {
  const [data, setData] = useState<T | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const latestLoad = useRef(0);

  const reload = useCallback(async () => {
    const ticket = ++latestLoad.current;
    try {
      const answer = await load();
      if (ticket !== latestLoad.current) return;
      setData(answer);
      setProblem(null);
    } catch (error) {
      if (ticket === latestLoad.current && !backToSignInIfNeeded(error)) {
        setProblem(error instanceof ApiRequestError ? error.message : '加载失败，请重试');
      }
    }
  }, [load]);

  useEffect(() => {
    void reload();
  }, [reload]);

  useReloadOnReturn(reload);

  return { data, problem, reload };
}
