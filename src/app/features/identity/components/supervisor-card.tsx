import { Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { SupervisorCard as SupervisorCardData } from '@core/identity/schemas';
import { SUPERVISOR_STATUS_LABELS } from '@core/identity/supervisor-term';

/** The 聘书 as a card: who, which certificate, which term, and whether it is in force today. */
export function SupervisorCard({ card }: { card: SupervisorCardData }) {
  const active = card.status === 'active';
  return (
    <View className="supervisor-card" aria-label="监督员聘书">
      <View className="supervisor-card__title">
        <Text>行政执法监督员聘书</Text>
        <Tag type={active ? 'success' : 'default'}>{SUPERVISOR_STATUS_LABELS[card.status]}</Tag>
      </View>
      <View className="supervisor-card__row">
        <Text className="supervisor-card__label">姓名</Text>
        <Text>{card.name}</Text>
      </View>
      <View className="supervisor-card__row">
        <Text className="supervisor-card__label">聘书编号</Text>
        <Text>{card.certificateNo}</Text>
      </View>
      <View className="supervisor-card__row">
        <Text className="supervisor-card__label">聘期</Text>
        <Text>
          {card.termStart} 至 {card.termEnd}
        </Text>
      </View>
    </View>
  );
}
