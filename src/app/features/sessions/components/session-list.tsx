import { Cell, CellGroup, Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import type { Session } from '@core/sessions/calendar';
import { monthDayLabel, weekdayLabel, windowLabel } from '../../../shared/format/session-label';

function StatusTag({ session }: { session: Session }) {
  if (session.status === 'cancelled') return <Tag type="danger">已取消</Tag>;
  if (session.status === 'moved') return <Tag type="warning">已改期</Tag>;
  return null;
}

function sessionNote(session: Session): string | null {
  if (session.status === 'cancelled') return `本次取消${session.reason ? `：${session.reason}` : ''}`;
  if (session.status === 'moved') {
    return `由 ${monthDayLabel(session.originalDate)} 改到这一天${session.reason ? `：${session.reason}` : ''}`;
  }
  return null;
}

export function SessionList({ sessions }: { sessions: Session[] }) {
  return (
    <CellGroup title="之后的接待日">
      {sessions.map((session) => {
        const note = sessionNote(session);
        return (
          <Cell
            key={`${session.originalDate}-${session.date}`}
            className={`session-row session-row--${session.status}`}
            title={
              <View className="session-row__title">
                <Text className="session-row__date">
                  {monthDayLabel(session.date)} {weekdayLabel(session.date)}
                </Text>
                <StatusTag session={session} />
              </View>
            }
            description={
              <View className="session-row__detail">
                <View>{windowLabel(session.window)}</View>
                {note && <View className="session-row__note">{note}</View>}
              </View>
            }
          />
        );
      })}
    </CellGroup>
  );
}
