import { backToSignInIfNeeded } from '../api/back-to-sign-in';
import { useQuery, type QueryState } from './use-query';
import { useReloadOnReturn } from './use-reload-on-return';

/**
 * What an office page lists: a query (the last of overlapping loads wins) that loads again when the
 * person comes back to the page; a lapsed staff sign-in goes back to the sign-in page.
 */
export function useStaffQuery<T>(load: () => Promise<T>): QueryState<T> {
  const query = useQuery(load, backToSignInIfNeeded);
  useReloadOnReturn(query.reload);
  return query;
}
