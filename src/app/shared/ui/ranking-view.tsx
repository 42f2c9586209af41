import { Tag } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import type { Ranking } from '@core/quiz/schemas';
import { durationLabel, rateLabel } from '../format/contest-labels';
import { scoreLabel } from '../format/quiz-labels';
import { EmptyBlock } from './query-states';
import './ranking-view.scss';

type ParticipationRow = Ranking['byCommunity'][number];

function ParticipationTable({ title, rows }: { title: string; rows: ParticipationRow[] }) {
  if (rows.length === 0) return null;
  return (
    <View className="participation" aria-label={title}>
      <View className="participation__title">{title}</View>
      <View className="participation__row participation__row--head">
        <View>名称</View>
        <View>参赛人数</View>
        <View>参与率</View>
      </View>
      {rows.map((row) => (
        <View key={row.id} className="participation__row" aria-label={row.name}>
          <View>{row.name}</View>
          <View>
            {row.participants} 人{row.population !== null && ` / ${row.population} 人`}
          </View>
          <View>{rateLabel(row.rate)}</View>
        </View>
      ))}
    </View>
  );
}

/** The ranking (by score, then time) and how many took part in each community and grid, as people and as a share. */
export function RankingView({ ranking }: { ranking: Ranking }) {
  return (
    <View className="ranking">
      <View className="ranking__entries" aria-label="排行榜">
        {ranking.entries.length === 0 ? (
          <EmptyBlock title="还没有人交卷" />
        ) : (
          <>
            <View className="ranking__row ranking__row--head">
              <View>名次</View>
              <View>参赛者</View>
              <View>得分</View>
              <View>用时</View>
            </View>
            {ranking.entries.map((entry) => (
              <View
                key={`${entry.rank}-${entry.label}`}
                className={`ranking__row${entry.mine ? ' ranking__row--mine' : ''}`}
                role="listitem"
                aria-label={`第 ${entry.rank} 名`}
              >
                <View className="ranking__rank">{entry.rank}</View>
                <View className="ranking__label">
                  {entry.label}
                  {entry.mine && (
                    <Tag type="primary" className="ranking__me">
                      我
                    </Tag>
                  )}
                </View>
                <View>{scoreLabel(entry.score)}</View>
                <View>{durationLabel(entry.secondsTaken)}</View>
              </View>
            ))}
          </>
        )}
      </View>
      <ParticipationTable title="各社区（村）参与情况" rows={ranking.byCommunity} />
      <ParticipationTable title="各网格参与情况" rows={ranking.byGrid} />
    </View>
  );
}
