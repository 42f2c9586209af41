import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { durationLabel } from '../../../shared/format/contest-labels';
import { scoreLabel } from '../../../shared/format/quiz-labels';
import { PAGES } from '../../../shared/pages';
import { EmptyBlock } from '../../../shared/ui/query-states';
import { ReviewedAnswerCard } from '../../../shared/ui/reviewed-answer-card';
import { keptResult } from '../attempt-store';
import { useContestShare } from './share-contest';
import './contest.scss';

/** 成绩: score, time and rank, then every answer with the right one, why, and the law behind it. */
export function ContestResultView({ contestId, attemptId }: { contestId: string; attemptId: string }) {
  const [result] = useState(() => keptResult(attemptId));
  useContestShare(contestId, null);

  const toRanking = () => void Taro.navigateTo({ url: `${PAGES.contestRanking}?id=${contestId}` });
  const toContest = () => void Taro.redirectTo({ url: `${PAGES.contestDetail}?id=${contestId}` });

  if (!result) {
    return (
      <View className="contest-result">
        <EmptyBlock title="这部手机上没有这份答卷的成绩" description="最好成绩和排名可以在竞赛页查看" />
        <Button type="primary" size="large" block onClick={toContest}>
          查看竞赛
        </Button>
      </View>
    );
  }

  return (
    <View className="contest-result">
      <View className="contest-result__summary" aria-label="成绩">
        <View className="contest-result__score">{scoreLabel(result.score)}</View>
        <View className="contest-result__figures">
          <View>
            答对 {result.correctCount}/{result.total} 题
          </View>
          <View>用时 {durationLabel(result.secondsTaken)}</View>
          <View>
            第 {result.rank} 名（共 {result.participants} 人）
          </View>
        </View>
      </View>
      <View className="contest-result__links">
        <Button type="primary" size="large" block onClick={toRanking}>
          查看排行榜
        </Button>
        {process.env.TARO_ENV === 'weapp' && (
          <Button size="large" block fill="outline" openType="share">
            邀请邻居来答题
          </Button>
        )}
      </View>
      <View className="contest-result__answers" aria-label="答题详情">
        {result.answers.map((answer, index) => (
          <ReviewedAnswerCard key={answer.question.id} answer={answer} position={index + 1} />
        ))}
      </View>
    </View>
  );
}
