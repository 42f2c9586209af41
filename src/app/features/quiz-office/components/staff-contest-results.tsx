import { View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import type { Ranking } from '@core/quiz/schemas';
import { ApiRequestError } from '../../../shared/api/api-client';
import { backToSignInIfNeeded } from '../../../shared/api/back-to-sign-in';
import { ContestRules } from '../../../shared/ui/contest-rules';
import { ContestStatusTag } from '../../../shared/ui/contest-status-tag';
import { ErrorBlock, LoadingBlock } from '../../../shared/ui/query-states';
import { RankingView } from '../../../shared/ui/ranking-view';
import { quizOfficeApi } from '../api/quiz-office-api';
import '../../../shared/ui/office-page.scss';
import './quiz-office.scss';

/** One contest's results for the office: its rules, the ranking, and participation by community and grid. */
export function StaffContestResults({ id }: { id: string }) {
  const [ranking, setRanking] = useState<Ranking | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setRanking(await quizOfficeApi.ranking(id));
      setProblem(null);
    } catch (error) {
      if (!backToSignInIfNeeded(error)) setProblem(error instanceof ApiRequestError ? error.message : '加载失败，请重试');
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  if (!ranking) {
    if (problem) return <ErrorBlock message={problem} onRetry={() => void load()} />;
    return <LoadingBlock />;
  }
  const { contest } = ranking;
  return (
    <View className="office-page">
      <View className="quiz-office__row-head">
        <ContestStatusTag status={contest.status} />
        <View className="office-page__title">{contest.title}</View>
      </View>
      <View className="office-card">
        <ContestRules contest={contest} />
        <View className="office-page__count" role="status">
          共 {contest.participants} 人参赛
        </View>
      </View>
      <View className="office-page__section">成绩排名</View>
      <RankingView ranking={ranking} />
    </View>
  );
}
