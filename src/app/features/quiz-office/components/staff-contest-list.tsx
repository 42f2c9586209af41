import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Contest } from '@core/quiz/schemas';
import { ApiRequestError } from '../../../shared/api/api-client';
import { backToSignInIfNeeded } from '../../../shared/api/back-to-sign-in';
import { PAGES } from '../../../shared/pages';
import { ContestRules } from '../../../shared/ui/contest-rules';
import { ContestStatusTag } from '../../../shared/ui/contest-status-tag';
import { OfficeLinks } from '../../../shared/ui/office-links';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../../shared/ui/query-states';
import { quizOfficeApi } from '../api/quiz-office-api';
import './quiz-office.scss';

/** 知识竞赛 for the office: every contest, with a way to create one and to open each one's results. */
export function StaffContestList() {
  const [contests, setContests] = useState<Contest[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setContests(await quizOfficeApi.contests());
      setProblem(null);
    } catch (error) {
      if (!backToSignInIfNeeded(error)) setProblem(error instanceof ApiRequestError ? error.message : '加载失败，请重试');
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  // Back from creating one, it is in the list.
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) void load();
    shownBefore.current = true;
  });

  return (
    <View className="office-page">
      <OfficeLinks current="contests" />
      <View className="quiz-office__head">
        <View className="office-page__title">知识竞赛</View>
        <Button type="primary" onClick={() => void Taro.navigateTo({ url: PAGES.staffContestNew })}>
          新建竞赛
        </Button>
      </View>
      {problem && <ErrorBlock message={problem} onRetry={() => void load()} />}
      {!problem && !contests && <LoadingBlock />}
      {contests && contests.length === 0 && <EmptyBlock title="还没有竞赛" description="点“新建竞赛”发布第一场" />}
      {contests && contests.length > 0 && (
        <View role="list" aria-label="竞赛列表">
          {contests.map((contest) => (
            <View
              key={contest.id}
              className="office-card quiz-office__row"
              role="listitem"
              aria-label={contest.title}
              onClick={() => void Taro.navigateTo({ url: `${PAGES.staffContest}?id=${contest.id}` })}
            >
              <View className="quiz-office__row-head">
                <ContestStatusTag status={contest.status} />
                <View className="quiz-office__row-title">{contest.title}</View>
                <View className="quiz-office__row-count">{contest.participants} 人参赛</View>
              </View>
              <ContestRules contest={contest} />
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
