import { useShareAppMessage } from '@tarojs/taro';
import type { ContestPlaces } from '@core/quiz/schemas';
import { PAGES } from '../../../shared/pages';

/**
 * The contest's share card opens its detail page. The path says where the card came from, and a grid
 * worker's card carries their grid, so that opens can be credited to the grid later.
 */
export function contestSharePath(contestId: string, ownGrid: ContestPlaces['ownGrid'] = null): string {
  const grid = ownGrid ? `&grid=${encodeURIComponent(ownGrid.gridId)}` : '';
  return `${PAGES.contestDetail}?id=${contestId}&from=contest${grid}`;
}

export function useContestShare(contestId: string, title: string | null, ownGrid: ContestPlaces['ownGrid'] = null): void {
  useShareAppMessage(() => ({
    title: title ? `${title}，来答题吧` : '民法典知识竞赛',
    path: contestSharePath(contestId, ownGrid),
  }));
}
