import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { ContestListSchema, type MyContest } from '@core/quiz/schemas';
import { durationLabel } from '../../../shared/format/contest-labels';
import { scoreLabel } from '../../../shared/format/quiz-labels';
import { useCachedQuery } from '../../../shared/hooks/use-cached-query';
import { useReloadOnReturn } from '../../../shared/hooks/use-reload-on-return';
import { PAGES } from '../../../shared/pages';
import { ContestRules } from '../../../shared/ui/contest-rules';
import { ContestStatusTag } from '../../../shared/ui/contest-status-tag';
import { EmptyBlock, ErrorBlock, LoadingBlock, StaleNotice } from '../../../shared/ui/query-states';
import { contestApi } from '../api/contest-api';
import './contest.scss';

function readListCache(stored: unknown): MyContest[] | null {
  const parsed = ContestListSchema.shape.contests.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

const GROUPS: { status: MyContest['status']; title: string }[] = [
  { status: 'open', title: '进行中' },
  { status: 'upcoming', title: '即将开始' },
  { status: 'ended', title: '已结束' },
];

/** Where I stand in a contest, in one line. */
function myStanding(contest: MyContest): string | null {
  if (contest.openAttemptId) return '有一份答卷还没交，点开继续答题';
  if (contest.best) {
    return `我的最好成绩 ${scoreLabel(contest.best.score)}，用时 ${durationLabel(contest.best.secondsTaken)}，第 ${contest.best.rank} 名`;
  }
  if (contest.status === 'open' && !contest.mayTake && contest.reason) return contest.reason;
  return null;
}

function ContestCard({ contest }: { contest: MyContest }) {
  const standing = myStanding(contest);
  return (
    <Cell
      className="contest-card"
      clickable
      onClick={() => void Taro.navigateTo({ url: `${PAGES.contestDetail}?id=${contest.id}` })}
      title={
        <View className="contest-card__title" aria-label={`竞赛 ${contest.title}`}>
          <ContestStatusTag status={contest.status} />
          <View className="contest-card__name">{contest.title}</View>
        </View>
      }
      description={
        <View className="contest-card__detail">
          <ContestRules contest={contest} />
          <View className="contest-card__meta">
            已有 {contest.participants} 人参赛 · 我已答 {contest.attemptsUsed}/{contest.attemptsAllowed} 次
          </View>
          {standing && <View className="contest-card__standing">{standing}</View>}
        </View>
      }
    />
  );
}

/** 知识竞赛: the contests open now, those to come, and those that have ended, with my part in each. */
export function ContestList() {
  const { data, error, loading, reload } = useCachedQuery<MyContest[]>({
    cacheKey: 'contest.list',
    load: contestApi.list,
    readCache: readListCache,
  });
  // Back from a contest just taken, the list shows the new standing.
  useReloadOnReturn(reload);
  usePullDownRefresh(() => {
    reload().finally(() => Taro.stopPullDownRefresh());
  });

  if (!data) {
    if (loading) return <LoadingBlock />;
    return <ErrorBlock message={error?.message ?? '加载失败'} onRetry={() => void reload()} />;
  }
  if (data.length === 0) return <EmptyBlock title="现在还没有知识竞赛" description="镇里举办竞赛时会在这里发布" />;

  return (
    <View className="contest-list">
      {error && <StaleNotice message={error.message} onRetry={() => void reload()} />}
      {GROUPS.map(({ status, title }) => {
        const contests = data.filter((contest) => contest.status === status);
        return (
          contests.length > 0 && (
            <CellGroup key={status} title={title} aria-label={title}>
              {contests.map((contest) => (
                <ContestCard key={contest.id} contest={contest} />
              ))}
            </CellGroup>
          )
        );
      })}
    </View>
  );
}
