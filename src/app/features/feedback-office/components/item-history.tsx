import { Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { INTERNAL_EVENT_ACTIONS, type FeedbackEvent } from '@core/feedback/schemas';
import { FEEDBACK_STATUS_LABELS } from '@core/feedback/workflow';
import { dateTimeLabel } from '../../../shared/format/date-time-label';
import { sessionKeyLabel } from '../../../shared/format/session-label';
import { EVENT_ACTION_LABELS } from '../format';

function statusChange(event: FeedbackEvent): string | null {
  if (!event.toStatus || event.fromStatus === event.toStatus) return null;
  const to = FEEDBACK_STATUS_LABELS[event.toStatus];
  return event.fromStatus ? `${FEEDBACK_STATUS_LABELS[event.fromStatus]} → ${to}` : to;
}

/** Every step of the item, oldest first: who, when, from, to, why. Notes residents never see are marked 内部. */
export function ItemHistory({ events }: { events: readonly FeedbackEvent[] }) {
  return (
    <View className="item-history" role="list" aria-label="办理记录">
      {events.map((event, index) => {
        const internal = INTERNAL_EVENT_ACTIONS.includes(event.action);
        const change = statusChange(event);
        return (
          <View
            key={`${event.at}-${index}`}
            role="listitem"
            className={internal ? 'item-history__event item-history__event--internal' : 'item-history__event'}
          >
            <View className="item-history__head">
              <Text className="item-history__action">{EVENT_ACTION_LABELS[event.action]}</Text>
              {internal && (
                <Tag type="warning" className="item-history__internal">
                  内部
                </Tag>
              )}
              <Text className="item-history__who">{event.actor}</Text>
              <Text className="item-history__when">{dateTimeLabel(event.at)}</Text>
            </View>
            {change && <View className="item-history__change">{change}</View>}
            {event.movedFrom && event.movedTo && (
              <View className="item-history__change">
                从 {sessionKeyLabel(event.movedFrom)} 接待日转到 {sessionKeyLabel(event.movedTo)}
              </View>
            )}
            {event.stars !== null && <View className="item-history__text">{event.stars} 星</View>}
            {event.text && <View className="item-history__text">{event.text}</View>}
          </View>
        );
      })}
    </View>
  );
}
