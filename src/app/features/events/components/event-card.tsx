import { Cell, Tag } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { PublicEvent } from '@core/events/schemas';
import { eventStateLabel, eventTimeLabel, eventTypeLabel, placesLabel, themeLabel } from '../../../shared/format/event-labels';
import { PAGES } from '../../../shared/pages';

/** One event in the 活动 list: enough to decide whether to open it. */
export function EventCard({ event }: { event: PublicEvent }) {
  const state = eventStateLabel(event);
  return (
    <Cell
      className="event-card"
      clickable
      onClick={() => void Taro.navigateTo({ url: `${PAGES.eventDetail}?id=${event.id}` })}
      title={
        <View className="event-card__title" aria-label={`活动 ${event.title}`}>
          <Tag type="primary" plain>
            {eventTypeLabel(event)}
          </Tag>
          {state && <Tag type={event.status === 'cancelled' ? 'danger' : 'default'}>{state}</Tag>}
          <View className="event-card__name">{event.title}</View>
        </View>
      }
      description={
        <View className="event-card__detail">
          <View>{themeLabel(event)}</View>
          <View>{eventTimeLabel(event)}</View>
          <View>
            {event.communityName} · {event.place.name}
          </View>
          {event.status === 'cancelled' ? (
            <View className="event-card__cancelled">取消原因：{event.cancelReason}</View>
          ) : (
            event.timing !== 'past' && <View className="event-card__places">{placesLabel(event)}</View>
          )}
        </View>
      }
    />
  );
}
