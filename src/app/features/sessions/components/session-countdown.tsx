import { CountDown } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useEffect } from 'react';
import type { Session } from '@core/sessions/calendar';

interface Props {
  session: Session;
  now: Date;
  /** Called when the session starts or ends, so that the page moves on to what is next. */
  onChange: () => void;
}

// Timers longer than this overflow in JS engines; a page open that long re-renders for other reasons.
const MAX_TIMER_MS = 2 ** 31 - 1;

export function SessionCountdown({ session, now, onChange }: Props) {
  const startsAt = new Date(session.startsAt).getTime();
  const endsAt = new Date(session.endsAt).getTime();
  const live = startsAt <= now.getTime();

  useEffect(() => {
    if (!live) return undefined;
    const timer = setTimeout(onChange, Math.min(Math.max(endsAt - Date.now(), 0), MAX_TIMER_MS));
    return () => clearTimeout(timer);
  }, [live, endsAt, onChange]);

  if (live) {
    return (
      <View className="session-countdown session-countdown--live">
        <Text>正在接待中，{session.window.end} 结束</Text>
      </View>
    );
  }
  return (
    <View className="session-countdown">
      <Text className="session-countdown__label">距开始还有</Text>
      <CountDown endTime={startsAt} format="DD 天 HH 时 mm 分 ss 秒" onEnd={onChange} />
    </View>
  );
}
