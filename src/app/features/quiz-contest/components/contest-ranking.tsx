import { View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import type { Ranking } from '@core/quiz/schemas';
import { ApiRequestError } from '../../../shared/api/api-client';
import { ContestStatusTag } from '../../../shared/ui/contest-status-tag';
import { ErrorBlock, LoadingBlock } from '../../../shared/ui/query-states';
import { RankingView } from '../../../shared/ui/ranking-view';
import { contestApi } from '../api/contest-api';
import { useContestShare } from './share-contest';
import './contest.scss';

/** 排行榜 as a resident sees it: my own line marked 我. */
export function ContestRanking({ id }: { id: string }) {
  const [ranking, setRanking] = useState<Ranking | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setRanking(await contestApi.ranking(id));
      setProblem(null);
    } catch (error) {
      setProblem(error instanceof ApiRequestError ? error.message : '加载失败，请重试');
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);
  useContestShare(id, ranking?.contest.title ?? null);

  if (!ranking) {
    if (problem) return <ErrorBlock message={problem} onRetry={() => void load()} />;
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
