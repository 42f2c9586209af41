import { PAGES } from '../../../shared/pages';
import { useShareCard } from '../../../shared/share/use-share-card';

/** The contest's share card opens its detail page; a grid worker's card says who shared it. */
export function useContestShare(contestId: string, title: string | null): void {
  useShareCard({ title: title ? `${title}，来答题吧` : '民法典知识竞赛', page: PAGES.contestDetail, query: { id: contestId, from: 'contest' } });
}
