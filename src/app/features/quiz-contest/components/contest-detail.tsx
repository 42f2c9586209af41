import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { ContestDetail } from '@core/quiz/schemas';
import { ApiRequestError } from '../../../shared/api/api-client';
import { durationLabel } from '../../../shared/format/contest-labels';
import { scoreLabel } from '../../../shared/format/quiz-labels';
import { useReloadOnReturn } from '../../../shared/hooks/use-reload-on-return';
import { PAGES } from '../../../shared/pages';
import { ContestRules } from '../../../shared/ui/contest-rules';
import { ContestStatusTag } from '../../../shared/ui/contest-status-tag';
import { ErrorBlock, LoadingBlock } from '../../../shared/ui/query-states';
import { contestApi, type StartAttemptBody } from '../api/contest-api';
import { rememberStart } from '../attempt-store';
import { useContestShare } from './share-contest';
import { StartForm } from './start-form';
import './contest.scss';

const messageOf = (error: unknown) => (error instanceof ApiRequestError ? error.message : '加载失败，请重试');

function takeUrl(contestId: string, attemptId: string): string {
  return `${PAGES.contestTake}?id=${contestId}&attempt=${attemptId}`;
}

/** One contest: its rules, where I stand, and the way in — start, carry on with an open paper, or why not. */
export function ContestDetailView({ id }: { id: string }) {
  const [contest, setContest] = useState<ContestDetail | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const [startProblem, setStartProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setContest(await contestApi.detail(id));
      setProblem(null);
    } catch (error) {
      setProblem(messageOf(error));
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);
  // Back from the paper or the result, the attempts used and the best result have changed.
  useReloadOnReturn(load);
  useContestShare(id, contest?.title ?? null);

  async function start(body: StartAttemptBody) {
    setStarting(true);
    setStartProblem(null);
    try {
      const attempt = await contestApi.start(id, body);
      rememberStart(attempt, Date.now());
      void Taro.navigateTo({ url: takeUrl(id, attempt.attemptId) });
    } catch (error) {
      setStartProblem(messageOf(error));
      void load();
    } finally {
      setStarting(false);
    }
  }

  if (!contest) {
    if (problem) return <ErrorBlock message={problem} onRetry={() => void load()} />;
    return <LoadingBlock />;
  }

  return (
    <View className="contest-detail">
      <View className="contest-detail__head">
        <ContestStatusTag status={contest.status} />
        <View className="contest-detail__title">{contest.title}</View>
      </View>
      <ContestRules contest={contest} />
      <View className="contest-detail__standing" aria-label="我的参赛情况">
        <View>
          已有 {contest.participants} 人参赛；我已答 {contest.attemptsUsed} 次，还可答 {Math.max(contest.attemptsAllowed - contest.attemptsUsed, 0)} 次
        </View>
        {contest.best && (
          <View className="contest-detail__best">
            最好成绩 {scoreLabel(contest.best.score)}，用时 {durationLabel(contest.best.secondsTaken)}，第 {contest.best.rank} 名
          </View>
        )}
      </View>

      {contest.openAttemptId ? (
        <View className="contest-detail__action">
          <View className="contest-detail__note">您有一份答卷还没交，计时没有停。</View>
          <Button
            type="primary"
            size="large"
            block
            onClick={() => void Taro.navigateTo({ url: takeUrl(id, contest.openAttemptId!) })}
          >
            继续答题
          </Button>
        </View>
      ) : contest.mayTake ? (
        <StartForm
          places={contest.places}
          timeLimitMinutes={contest.timeLimitMinutes}
          starting={starting}
          problem={startProblem}
          onStart={(body) => void start(body)}
        />
      ) : (
        <View className="contest-detail__note" role="status">
          {contest.reason ?? '现在不能参加这场竞赛'}
        </View>
      )}

      <View className="contest-detail__links">
        <Button size="large" block fill="outline" onClick={() => void Taro.navigateTo({ url: `${PAGES.contestRanking}?id=${id}` })}>
          查看排行榜
        </Button>
        {process.env.TARO_ENV === 'weapp' && (
          <Button size="large" block fill="outline" openType="share">
            分享给邻居
          </Button>
        )}
      </View>
    </View>
  );
}
