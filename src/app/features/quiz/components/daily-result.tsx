import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { DailyResult } from '@core/quiz/schemas';
import { scoreLabel } from '../../../shared/format/quiz-labels';
import { PAGES } from '../../../shared/pages';
import { ReviewedAnswerCard } from '../../../shared/ui/reviewed-answer-card';
import { dayLabel } from '../format';
import './quiz.scss';

/** Today's one scored attempt: the score, the streak, and every answer with why. */
export function DailyResultView({ result }: { result: DailyResult }) {
  return (
    <View className="daily-result">
      <View className="daily-result__summary" aria-label="今日成绩">
        <View className="daily-result__date">{dayLabel(result.date)} 每日一练</View>
        <View className="daily-result__score">{scoreLabel(result.score)}</View>
        <View className="daily-result__counts">
          答对 {result.correctCount} / {result.total} 题 · 已连续 {result.streak} 天
        </View>
        <View className="daily-result__note">今天的成绩已记下，明天再来练新的 5 道题。</View>
        {/* Opened from a shared card, the page has nothing to go back to: the 答题 tab leads on. */}
        <Button size="large" type="primary" block onClick={() => void Taro.switchTab({ url: PAGES.quiz })}>
          去专项练习、错题本
        </Button>
        {process.env.TARO_ENV === 'weapp' && (
          <Button className="daily-result__share" size="large" fill="outline" block openType="share">
            分享给亲友一起练
          </Button>
        )}
      </View>
      <View className="daily-result__heading">逐题解析</View>
      {result.answers.map((answer, index) => (
        <ReviewedAnswerCard key={answer.question.id} answer={answer} position={index + 1} />
      ))}
    </View>
  );
}
