import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiRequestError } from '../api/api-client';

export interface QueryState<T> {
  /** The last answer; kept on screen while the next one loads. */
  data: T | null;
  problem: string | null;
  reload: () => Promise<void>;
}

/**
 * What a page shows from one call: loaded whenever `load` changes and on `reload`. When loads overlap,
 * only the answer to the last one is shown. `handled` may take an error over (e.g. a lapsed sign-in).
 */
export function useQuery<T>(load: () => Promise<T>, handled: (error: unknown) => boolean = () => false): QueryState<T> {
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
      if (ticket === latestLoad.current && !handled(error)) {
        setProblem(error instanceof ApiRequestError ? error.message : '加载失败，请重试');
      }
    }
    // `handled` is a policy, not data: a new function each render must not reload the page.
  }, [load]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, problem, reload };
}
