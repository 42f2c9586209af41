import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { DailyQuiz } from '@core/quiz/schemas';
import { scoreLabel } from '../../../shared/format/quiz-labels';
import { useReloadOnReturn } from '../../../shared/hooks/use-reload-on-return';
import { PAGES } from '../../../shared/pages';
import { ErrorBlock, LoadingBlock, StaleNotice } from '../../../shared/ui/query-states';
import { useDailyQuiz, usePracticeScopes } from '../api/cached-queries';
import { keptDailyAnswers } from '../daily-answers';
import { dayLabel } from '../format';
import './quiz-home.scss';

const open = (url: string) => void Taro.navigateTo({ url });

function DailyCard({ quiz }: { quiz: DailyQuiz }) {
  const { result } = quiz;
  const started = Object.keys(keptDailyAnswers(quiz.date)).length > 0;
  return (
    <View className="quiz-home__daily" aria-label="每日一练">
      <View className="quiz-home__daily-head">
        <View className="quiz-home__daily-title">每日一练</View>
        <View className="quiz-home__daily-date">{dayLabel(quiz.date)}</View>
      </View>
      {result ? (
        <View className="quiz-home__daily-done">
          今天已完成 · 得分 <View className="quiz-home__score">{scoreLabel(result.score)}</View>
        </View>
      ) : (
        <View className="quiz-home__daily-todo">今天的 {quiz.questions.length} 道题还没做，约 3 分钟</View>
      )}
      <View className="quiz-home__streak">
        {quiz.streak > 0 ? `已连续练习 ${quiz.streak} 天` : '每天练一练，坚持就有收获'}
      </View>
      <Button type="primary" size="large" block onClick={() => open(PAGES.quizDaily)}>
        {result ? '查看今天的解析' : started ? '接着答题' : '开始答题'}
      </Button>
    </View>
  );
}

/** 答题: today's 每日一练, and the ways into practice, the 错题本, contests and the Civil Code's full text. */
export function QuizHome() {
  const daily = useDailyQuiz();
  const scopes = usePracticeScopes();
  const reloadAll = () => Promise.all([daily.reload(), scopes.reload()]).then(() => undefined);
  // Back from the daily quiz or practice, the score and the 错题本's count have changed.
  useReloadOnReturn(reloadAll);
  usePullDownRefresh(() => {
    void reloadAll().finally(() => Taro.stopPullDownRefresh());
  });

  const wrongCount = scopes.data?.wrongCount;
  return (
    <View className="quiz-home">
      {daily.error && daily.data && <StaleNotice message={daily.error.message} onRetry={() => void daily.reload()} />}
      {daily.data ? (
        <DailyCard quiz={daily.data} />
      ) : daily.loading ? (
        <LoadingBlock />
      ) : (
        <ErrorBlock message={daily.error?.message ?? '加载失败'} onRetry={() => void daily.reload()} />
      )}
      <CellGroup className="quiz-home__entries">
        <Cell
          className="quiz-home__entry"
          clickable
          title="专项练习"
          description="按编、按章练，每题答完看解析"
          extra="›"
          onClick={() => open(PAGES.quizPractice)}
        />
        <Cell
          className="quiz-home__entry"
          clickable
          title="错题本"
          description="答错的题都在这里，练对为止"
          extra={wrongCount === undefined ? '›' : `${wrongCount} 道 ›`}
          onClick={() => open(PAGES.quizWrongBook)}
        />
        <Cell
          className="quiz-home__entry"
          clickable
          title="知识竞赛"
          description="镇里组织的民法典竞赛"
          extra="›"
          onClick={() => open(PAGES.contestList)}
        />
        <Cell
          className="quiz-home__entry"
          clickable
          title="民法典全文"
          description="按编、章阅读原文，按条号或词语查找"
          extra="›"
          onClick={() => open(PAGES.quizCivilCode)}
        />
      </CellGroup>
    </View>
  );
}
