import { View } from '@tarojs/components';
import { useCallback } from 'react';
import { useQuery } from '../../../shared/hooks/use-query';
import { ContestStatusTag } from '../../../shared/ui/contest-status-tag';
import { ErrorBlock, LoadingBlock } from '../../../shared/ui/query-states';
import { RankingView } from '../../../shared/ui/ranking-view';
import { contestApi } from '../api/contest-api';
import { useContestShare } from './share-contest';
import './contest.scss';

/** 排行榜 as a resident sees it: my own line marked 我. */
export function ContestRanking({ id }: { id: string }) {
  const { data: ranking, problem, reload } = useQuery(useCallback(() => contestApi.ranking(id), [id]));
  useContestShare(id, ranking?.contest.title ?? null);

  if (!ranking) {
    if (problem) return <ErrorBlock message={problem} onRetry={() => void reload()} />;
    return <LoadingBlock />;
  }
  return (
    <View className="contest-ranking">
      <View className="contest-detail__head">
        <ContestStatusTag status={ranking.contest.status} />
        <View className="contest-detail__title">{ranking.contest.title}</View>
      </View>
      <View className="contest-ranking__count">共 {ranking.contest.participants} 人参赛，按得分排名，同分用时少者在前</View>
      <RankingView ranking={ranking} />
    </View>
  );
}
