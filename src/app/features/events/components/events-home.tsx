import { Button, CellGroup, Radio } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { EVENT_TYPE_LABELS, EVENT_TYPES, EventListSchema, type EventList, type EventType, type PublicEvent } from '@core/events/schemas';
import { shanghaiDateOf, type LocalDate } from '@core/shared/shanghai-time';
import { monthDayLabel } from '../../../shared/format/session-label';
import { useCachedQuery } from '../../../shared/hooks/use-cached-query';
import { useReloadOnReturn } from '../../../shared/hooks/use-reload-on-return';
import { EmptyBlock, ErrorBlock, LoadingBlock, StaleNotice } from '../../../shared/ui/query-states';
import { eventsApi } from '../api/events-api';
import { calendarWeeks, keyDatesOfMonth, monthOf, parseMonth, shiftMonth, type DatedKeyDate } from '../calendar-month';
import { keyDateLabel } from '../format';
import { EventCard } from './event-card';
import { MonthCalendar, MonthSwitcher } from './month-calendar';
import './events.scss';

interface Filters {
  month: string;
  communityId: string;
  type: EventType | '';
  withPast: boolean;
}

function readListCache(stored: unknown): EventList | null {
  const parsed = EventListSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

function keyDateDays(keyDate: DatedKeyDate): string {
  return keyDate.from === keyDate.to ? monthDayLabel(keyDate.from) : `${monthDayLabel(keyDate.from)}–${monthDayLabel(keyDate.to)}`;
}

/** The list in three parts: this month (and what is on now), what comes after it, and past events when asked for. */
function groupsOf(events: PublicEvent[], month: string) {
  const { month: monthOfYear } = parseMonth(month);
  const inMonth = (event: PublicEvent) => shanghaiDateOf(new Date(event.startsAt)).slice(0, 7) <= month;
  return [
    { title: `${monthOfYear}月活动`, events: events.filter((e) => e.timing !== 'past' && inMonth(e)) },
    { title: '之后的活动', events: events.filter((e) => e.timing !== 'past' && !inMonth(e)) },
    { title: '往期活动', events: events.filter((e) => e.timing === 'past') },
  ];
}

function KeyDatesOfMonth({ keyDates }: { keyDates: DatedKeyDate[] }) {
  if (keyDates.length === 0) return null;
  return (
    <View className="events-home__key-dates" aria-label="本月宣传日">
      {keyDates.map((keyDate) => (
        <View key={`${keyDate.id}-${keyDate.from}`} className="events-home__key-date">
          <View className="events-home__key-date-days">{keyDateDays(keyDate)}</View>
          <View>{keyDateLabel(keyDate)}</View>
        </View>
      ))}
    </View>
  );
}

/** 活动: this month's and the coming legal-publicity events, as a list or a month calendar with the key dates marked. */
export function EventsHome() {
  const today = shanghaiDateOf(new Date());
  const [filters, setFilters] = useState<Filters>(() => ({ month: monthOf(new Date()), communityId: '', type: '', withPast: false }));
  const [view, setView] = useState<'list' | 'calendar'>('list');
  const [chosenDay, setChosenDay] = useState<LocalDate | null>(null);
  const { month, communityId, type, withPast } = filters;

  const { data, error, loading, reload } = useCachedQuery<EventList>({
    cacheKey: `events.list.${month}.${communityId || 'all'}.${type || 'all'}.${withPast ? 'past' : 'now'}`,
    load: () => eventsApi.list({ month, communityId: communityId || undefined, type: type || undefined, past: withPast ? '1' : undefined }),
    readCache: readListCache,
  });
  useReloadOnReturn(reload);
  usePullDownRefresh(() => {
    reload().finally(() => Taro.stopPullDownRefresh());
  });

  const change = (next: Partial<Filters>) => setFilters((current) => ({ ...current, ...next }));
  const shift = (by: number) => {
    change({ month: shiftMonth(month, by) });
    setChosenDay(null);
  };

  const monthKeyDates = data ? keyDatesOfMonth(month, data.keyDates) : [];
  const chosen = data && chosenDay ? calendarWeeks(month, data.events, data.keyDates).flat().find((day) => day?.date === chosenDay) : null;

  return (
    <View className="events-home">
      <View className="events-home__filters">
        <Radio.Group
          aria-label="显示方式"
          value={view}
          direction="horizontal"
          shape="button"
          onChange={(value) => setView(value as 'list' | 'calendar')}
        >
          <Radio value="list" shape="button">
            列表
          </Radio>
          <Radio value="calendar" shape="button">
            日历
          </Radio>
        </Radio.Group>
        <View className="events-home__filter" aria-label="活动类型">
          <Radio.Group value={type} direction="horizontal" shape="button" onChange={(value) => change({ type: value as Filters['type'] })}>
            <Radio value="" shape="button">
              全部类型
            </Radio>
            {EVENT_TYPES.map((eventType) => (
              <Radio key={eventType} value={eventType} shape="button">
                {EVENT_TYPE_LABELS[eventType]}
              </Radio>
            ))}
          </Radio.Group>
        </View>
        {data && data.communities.length > 1 && (
          <View className="events-home__filter" aria-label="社区（村）">
            <Radio.Group value={communityId} direction="horizontal" shape="button" onChange={(value) => change({ communityId: String(value) })}>
              <Radio value="" shape="button">
                全部社区
              </Radio>
              {data.communities.map((community) => (
                <Radio key={community.id} value={community.id} shape="button">
                  {community.name}
                </Radio>
              ))}
            </Radio.Group>
          </View>
        )}
      </View>

      <MonthSwitcher month={month} onMonth={shift} />

      {!data && loading && <LoadingBlock />}
      {!data && !loading && <ErrorBlock message={error?.message ?? '加载失败'} onRetry={() => void reload()} />}
      {data && error && <StaleNotice message={error.message} onRetry={() => void reload()} />}

      {data && view === 'calendar' && (
        <View className="events-home__calendar">
          <MonthCalendar
            month={month}
            events={data.events}
            keyDates={data.keyDates}
            chosenDay={chosenDay}
            today={today}
            onChoose={setChosenDay}
          />
          {chosen && (
            <View aria-label="当天">
              <CellGroup title={monthDayLabel(chosen.date)}>
                {chosen.keyDates.map((keyDate) => (
                  <View key={keyDate.id} className="events-home__key-date events-home__key-date--day">
                    {keyDateLabel(keyDate)}
                  </View>
                ))}
                {chosen.events.map((event) => (
                  <EventCard key={event.id} event={event} />
                ))}
                {chosen.events.length === 0 && <View className="events-home__none">这一天没有活动</View>}
              </CellGroup>
            </View>
          )}
          <KeyDatesOfMonth keyDates={monthKeyDates} />
        </View>
      )}

      {data && view === 'list' && (
        <View className="events-home__list">
          <KeyDatesOfMonth keyDates={monthKeyDates} />
          {data.events.length === 0 && <EmptyBlock title="暂时没有活动" description="镇里安排了宣传活动会在这里发布" />}
          {groupsOf(data.events, month).map(
            (group) =>
              group.events.length > 0 && (
                <View key={group.title} aria-label={group.title}>
                  <CellGroup title={group.title}>
                    {group.events.map((event) => (
                      <EventCard key={event.id} event={event} />
                    ))}
                  </CellGroup>
                </View>
              ),
          )}
        </View>
      )}

      {data && (
        <View className="events-home__past">
          <Button size="large" block fill="outline" onClick={() => change({ withPast: !withPast })}>
            {withPast ? '不看往期活动' : '查看往期活动'}
          </Button>
        </View>
      )}
    </View>
  );
}
