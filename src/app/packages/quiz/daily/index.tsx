import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { isLocalDate, shanghaiDateOf } from '@core/shared/shanghai-time';
import { dailyQuizItemId } from '@core/sharing/share-path';
import { DailyQuiz } from '../../../features/quiz/components/daily-quiz';
import { inMomentsSinglePage, MomentsBanner } from '../../../shared/share/moments';
import { useShareOpen } from '../../../shared/share/use-share-open';
import { EmptyBlock } from '../../../shared/ui/query-states';
import { PageShell } from '../../../shared/ui/page-shell';

/**
 * Shared cards open it as `?from=quiz&date=` (and a grid worker's with `g` and `s`). Opened from Moments,
 * nobody can sign in to answer: it says what the practice is and how to take part.
 */
export default function DailyQuizPage() {
  const { params } = useRouter();
  // The card names the day it was made for; one without a date counts for today's quiz.
  useShareOpen('quiz', dailyQuizItemId(params.date && isLocalDate(params.date) ? params.date : shanghaiDateOf(new Date())), params);
  return (
    <PageShell>
      {inMomentsSinglePage() ? (
        <View>
          <MomentsBanner />
          <EmptyBlock title="民法典每日一练" description="每天 5 道题，答完看解析和法条原文，连续练习记天数。" />
        </View>
      ) : (
        <DailyQuiz />
      )}
    </PageShell>
  );
}
