import { Text, View } from '@tarojs/components';
import type { SessionSummary } from '@core/feedback/schemas';
import './session-summary-card.scss';

/** What a closed session raised, answered and carried over, by category: nothing that names anyone. */
export function SessionSummaryCard({ summary }: { summary: SessionSummary }) {
  return (
    <View className="summary-card" aria-label="接待日小结">
      <View className="summary-card__totals">
        <View className="summary-card__total">
          <Text className="summary-card__number">{summary.raised}</Text>
          <Text>收到（条）</Text>
        </View>
        <View className="summary-card__total">
          <Text className="summary-card__number">{summary.answered}</Text>
          <Text>已答复（条）</Text>
        </View>
        <View className="summary-card__total">
          <Text className="summary-card__number">{summary.carriedOver}</Text>
          <Text>转入下次（条）</Text>
        </View>
      </View>
      <View className="summary-card__sentence">
        收到 {summary.raised} 条、已答复 {summary.answered} 条、转入下次 {summary.carriedOver} 条
      </View>
      {summary.byCategory.length > 0 && (
        <View className="summary-card__categories" role="table" aria-label="按类别">
          <View className="summary-card__category summary-card__category--head" role="row">
            <View role="columnheader">类别</View>
            <View role="columnheader">收到</View>
            <View role="columnheader">已答复</View>
          </View>
          {summary.byCategory.map((row) => (
            <View key={row.categoryName} className="summary-card__category" role="row">
              <View role="cell">{row.categoryName}</View>
              <View role="cell">{row.raised}</View>
              <View role="cell">{row.answered}</View>
            </View>
          ))}
        </View>
      )}
      {summary.note && (
        <View className="summary-card__note">
          <View className="summary-card__note-title">法治建设科说明</View>
          <View>{summary.note}</View>
        </View>
      )}
    </View>
  );
}
