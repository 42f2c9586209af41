import { View } from '@tarojs/components';
import type { Contest } from '@core/quiz/schemas';
import { audienceLabel, scopeLabel, windowLabel } from '../format/contest-labels';
import './contest-rules.scss';

function Rule({ label, value }: { label: string; value: string }) {
  return (
    <View className="contest-rules__rule">
      <View className="contest-rules__label">{label}</View>
      <View className="contest-rules__value">{value}</View>
    </View>
  );
}

/** The rules of a contest in plain words: how many questions, how long, how often, when, and for whom. */
export function ContestRules({ contest }: { contest: Contest }) {
  return (
    <View className="contest-rules" aria-label="竞赛规则">
      <Rule label="题量" value={`每人 ${contest.questionCount} 题，从${scopeLabel(contest)}中随机抽取`} />
      <Rule label="时限" value={`${contest.timeLimitMinutes} 分钟，到时自动交卷`} />
      <Rule label="次数" value={`每人可答 ${contest.attemptsAllowed} 次，取最好成绩`} />
      <Rule label="时间" value={windowLabel(contest)} />
      <Rule label="对象" value={audienceLabel(contest)} />
    </View>
  );
}
