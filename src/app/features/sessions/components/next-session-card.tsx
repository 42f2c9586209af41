import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { Session } from '@core/sessions/calendar';
import type { Station } from '@core/sessions/schemas';
import { monthDayLabel, weekdayLabel, windowLabel } from '../../../shared/format/session-label';
import { SessionCountdown } from './session-countdown';

interface Props {
  station: Station;
  session: Session;
  now: Date;
  onAddToCalendar: () => void;
  onOpenMap: () => void;
  onCountdownChange: () => void;
}

export function NextSessionCard({ station, session, now, onAddToCalendar, onOpenMap, onCountdownChange }: Props) {
  return (
    <View className="next-session" aria-label="下一次接待日">
      <View className="next-session__heading">下一次接待日</View>
      <View className="next-session__date">
        <Text>{monthDayLabel(session.date)}</Text>
        <Text className="next-session__weekday">{weekdayLabel(session.date)}</Text>
      </View>
      <View className="next-session__time">{windowLabel(session.window)}</View>
      {session.status === 'moved' && (
        <View className="next-session__moved">
          由 {monthDayLabel(session.originalDate)} 改期{session.reason ? `：${session.reason}` : ''}
        </View>
      )}
      <View className="next-session__place">
        <Text className="next-session__place-name">{station.name}</Text>
        <Text className="next-session__address">{station.address}</Text>
      </View>
      <SessionCountdown session={session} now={now} onChange={onCountdownChange} />
      <View className="next-session__actions">
        <Button type="primary" size="large" onClick={onAddToCalendar}>
          加入手机日历
        </Button>
        <Button fill="outline" size="large" onClick={onOpenMap}>
          查看位置
        </Button>
      </View>
    </View>
  );
}
