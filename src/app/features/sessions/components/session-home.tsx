import { Button } from '@nutui/nutui-react-taro';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { useCallback, useState } from 'react';
import { sessionsContract } from '@core/sessions/contract';
import { splitUpcoming, type Session } from '@core/sessions/calendar';
import { calendarEntryFor } from '@core/sessions/calendar-entry';
import type { Station } from '@core/sessions/schemas';
import { apiUrl } from '../../../shared/api/api-client';
import { sessionDayLabel, windowLabel } from '../../../shared/format/session-label';
import { PAGES } from '../../../shared/pages';
import { OutsideMoments } from '../../../shared/share/moments';
import { posterUrl } from '../../../shared/share/poster-url';
import { useShareCard } from '../../../shared/share/use-share-card';
import { addToPhoneCalendar } from '../../../shared/platform/phone-calendar';
import { openMap } from '../../../shared/platform/open-map';
import { EmptyBlock, ErrorBlock, LoadingBlock, StaleNotice } from '../../../shared/ui/query-states';
import { useUpcomingSessions } from '../api/upcoming-sessions';
import { NextSessionCard } from './next-session-card';
import { SessionList } from './session-list';
import './session-home.scss';

function ruleLabel(station: Station): string {
  return `每月 ${station.daysOfMonth.join('日、')}日 ${windowLabel(station.window)}`;
}

async function addSessionToCalendar(station: Station, session: Session) {
  const icsUrl = apiUrl(sessionsContract.sessionCalendarFile, { params: { stationId: station.id, date: session.date } });
  const added = await addToPhoneCalendar(calendarEntryFor(station, session), icsUrl);
  if (added && process.env.TARO_ENV !== 'h5') Taro.showToast({ title: '已加入日历，前一天提醒', icon: 'none' });
}

function openStationMap(station: Station) {
  openMap({ name: station.name, address: station.address, latitude: station.latitude, longitude: station.longitude }).catch(
    () => Taro.showToast({ title: '地图没有打开，请稍后再试', icon: 'none' }),
  );
}

/** A grid worker's poster of the next session, to print or post into a group. */
function openPoster(station: Station, session: Session) {
  const url = posterUrl({
    kind: 'session',
    itemId: `${station.id}/${session.originalDate}`,
    title: `${station.name}接待日`,
    time: `${sessionDayLabel(session.date)} ${windowLabel(session.window)}`,
    place: station.address,
  });
  void Taro.navigateTo({ url });
}

/** The red station's calendar: when and where the next session is, and what follows. */
export function SessionHome({ stationId }: { stationId?: string }) {
  const { data, error, loading, reload } = useUpcomingSessions(stationId);
  const [now, setNow] = useState(() => new Date());
  const refreshNow = useCallback(() => setNow(new Date()), []);

  const shared = data?.station ? { station: data.station, next: splitUpcoming(data.sessions, now).next } : null;
  // The card opens this calendar; it names the next session, which is what its opens are counted against.
  const { sharer } = useShareCard({
    title: shared ? `${shared.station.name}接待日，来反映问题、提意见` : '法治驿站 · 红色驿站接待日',
    page: PAGES.home,
    query: shared ? { station: shared.station.id, ...(shared.next && { date: shared.next.originalDate }) } : {},
  });

  usePullDownRefresh(() => {
    setNow(new Date());
    reload().finally(() => Taro.stopPullDownRefresh());
  });

  if (!data) {
    if (loading) return <LoadingBlock />;
    return <ErrorBlock message={error?.message ?? '加载失败'} onRetry={() => void reload()} />;
  }

  const { station } = data;
  if (!station) return <EmptyBlock title="镇里还没有设置红色驿站" description="请留意镇法治建设科的通知" />;
  const { next, others } = splitUpcoming(data.sessions, now);

  return (
    <View className="session-home">
      {error && <StaleNotice message={error.message} onRetry={() => void reload()} />}
      <View className="session-home__station">
        <View className="session-home__station-name">{station.name}</View>
        <View className="session-home__station-subtitle">{station.subtitle}</View>
        <View className="session-home__rule">
          <Text>{ruleLabel(station)}</Text>
        </View>
      </View>
      {next ? (
        <NextSessionCard
          station={station}
          session={next}
          now={now}
          onAddToCalendar={() => void addSessionToCalendar(station, next)}
          onOpenMap={() => openStationMap(station)}
          onCountdownChange={refreshNow}
        />
      ) : (
        <EmptyBlock title="近期没有接待日安排" description="请留意镇法治建设科的通知" />
      )}
      {others.length > 0 && <SessionList sessions={others} />}
      {sharer && next && (
        <OutsideMoments>
          <Button className="session-home__poster" fill="outline" size="large" block onClick={() => openPoster(station, next)}>
            生成接待日海报（带我的分享码）
          </Button>
        </OutsideMoments>
      )}
      {/* Readable before anything about the reader is sent: this page sends nothing personal. */}
      <View className="session-home__privacy" onClick={() => void Taro.navigateTo({ url: PAGES.privacy })}>
        个人信息保护说明
      </View>
    </View>
  );
}
