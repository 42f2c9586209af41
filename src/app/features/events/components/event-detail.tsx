import { Button, Dialog, InputNumber, Tag } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { MyEvent } from '@core/events/schemas';
import type { CalendarEntry } from '@core/shared/icalendar';
import { ApiRequestError } from '../../../shared/api/api-client';
import { eventStateLabel, eventTimeLabel, eventTypeLabel, placesLabel, themeLabel } from '../../../shared/format/event-labels';
import { useReloadOnReturn } from '../../../shared/hooks/use-reload-on-return';
import { PAGES } from '../../../shared/pages';
import { openMap } from '../../../shared/platform/open-map';
import { addToPhoneCalendar } from '../../../shared/platform/phone-calendar';
import { inMomentsSinglePage, OutsideMoments } from '../../../shared/share/moments';
import { posterUrl } from '../../../shared/share/poster-url';
import { ShareButton } from '../../../shared/share/share-button';
import { useShareCard } from '../../../shared/share/use-share-card';
import { Problem } from '../../../shared/ui/field';
import { ErrorBlock, LoadingBlock } from '../../../shared/ui/query-states';
import { eventsApi, eventTemplateId, reportEventSubscription } from '../api/events-api';
import './events.scss';

const MAX_PEOPLE = 5;
const messageOf = (error: unknown, fallback: string) => (error instanceof ApiRequestError ? error.message : fallback);

function calendarEntryOf(event: MyEvent): CalendarEntry {
  return {
    uid: `event-${event.id}@fazhi-yizhan`,
    title: event.title,
    description: `${themeLabel(event)}。主办：${event.organiser}`,
    location: [event.place.name, event.place.address].filter(Boolean).join(' '),
    startsAt: new Date(event.startsAt),
    endsAt: new Date(event.endsAt),
    remindMinutesBefore: 24 * 60,
  };
}

/** Why a resident cannot sign up now, or null when they can. */
function signUpClosedReason(event: MyEvent): string | null {
  if (event.status === 'cancelled') return '活动已取消';
  if (event.status !== 'published') return '活动还没有发布';
  if (event.timing === 'past') return '活动已结束';
  if (event.placesLeft !== null && event.placesLeft <= 0) return '名额已满';
  return null;
}

/**
 * Asks for the event template (the day-before reminder, and the notice should the event be cancelled).
 * WeChat asks the person only in answer to a tap, so this runs from the button with the template fetched beforehand.
 */
async function askForEventMessages(templateId: string): Promise<boolean> {
  // Keyed by template id: 'accept', 'reject' or 'ban'.
  const answer = (await Taro.requestSubscribeMessage({ tmplIds: [templateId], entityIds: [] })) as unknown as Record<string, string>;
  if (answer[templateId] !== 'accept') return false;
  await reportEventSubscription();
  return true;
}

/**
 * One event: what, when, where and who; sign up or cancel, a reminder, the phone calendar and my check-in code.
 * `sharedBy`: the sharer and grid of the card the page was opened with, which the sign-up carries.
 */
export function EventDetailView({ id, sharedBy = null }: { id: string; sharedBy?: { sharer: string; grid: string } | null }) {
  const [event, setEvent] = useState<MyEvent | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [actionProblem, setActionProblem] = useState<string | null>(null);
  const [people, setPeople] = useState(1);
  const [busy, setBusy] = useState(false);
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const [templateId, setTemplateId] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      // Opened from Moments nobody can sign in: the event is read as anyone may read it.
      setEvent(await (inMomentsSinglePage() ? eventsApi.publicEvent(id) : eventsApi.event(id)));
      setProblem(null);
    } catch (error) {
      setProblem(messageOf(error, '加载失败，请重试'));
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);
  useReloadOnReturn(load);
  const { path: sharedPath, sharer } = useShareCard({ title: event?.title ?? '法治宣传活动', page: PAGES.eventDetail, query: { id } });

  useEffect(() => {
    // Subscribe messages exist only in WeChat; without a configured template there is nothing to ask for.
    if (process.env.TARO_ENV !== 'weapp') return;
    eventTemplateId()
      .then(setTemplateId)
      .catch(() => setTemplateId(null));
  }, []);

  async function act(action: () => Promise<MyEvent>, fallback: string, done?: string) {
    setBusy(true);
    setActionProblem(null);
    try {
      setEvent(await action());
      if (done) Taro.showToast({ title: done, icon: 'success' });
    } catch (error) {
      setActionProblem(messageOf(error, fallback));
      // Places may have gone meanwhile: show what is true now.
      void load();
    } finally {
      setBusy(false);
    }
  }

  async function remind() {
    if (!templateId) return;
    setBusy(true);
    setActionProblem(null);
    try {
      if (await askForEventMessages(templateId)) {
        setEvent(await eventsApi.remind(id));
        Taro.showToast({ title: '活动前一天会提醒您', icon: 'none' });
      } else {
        setActionProblem('没有订阅提醒；可以加入手机日历，或随时回来查看');
      }
    } catch (error) {
      setActionProblem(messageOf(error, '提醒没有设置成功，请重试'));
    } finally {
      setBusy(false);
    }
  }

  async function signUp() {
    // Signed-up people hear if the event is cancelled: the tap is the moment to ask, and saying no signs up all the same.
    if (templateId) await askForEventMessages(templateId).catch(() => false);
    await act(() => eventsApi.signUp(id, people, sharedBy), '没有报上名，请重试', '报名成功');
  }

  async function addToCalendar(current: MyEvent) {
    const added = await addToPhoneCalendar(calendarEntryOf(current), eventsApi.calendarFileUrl(current.id));
    if (added && process.env.TARO_ENV !== 'h5') Taro.showToast({ title: '已加入日历，前一天提醒', icon: 'none' });
  }

  function showPlace(current: MyEvent) {
    const { name, address, latitude, longitude } = current.place;
    if (latitude === null || longitude === null) return;
    openMap({ name, address: address ?? name, latitude, longitude }).catch(() => Taro.showToast({ title: '地图没有打开，请稍后再试', icon: 'none' }));
  }

  if (!event) {
    if (problem) return <ErrorBlock message={problem} onRetry={() => void load()} />;
    return <LoadingBlock />;
  }

  const state = eventStateLabel(event);
  const closedReason = signUpClosedReason(event);
  const signedUp = event.mine?.signedUp ?? false;
  const hasMap = event.place.latitude !== null && event.place.longitude !== null;
  const isOver = event.status === 'cancelled' || event.timing === 'past';

  return (
    <View className="event-detail">
      <View className="event-detail__head">
        <Tag type="primary" plain>
          {eventTypeLabel(event)}
        </Tag>
        {state && <Tag type={event.status === 'cancelled' ? 'danger' : 'default'}>{state}</Tag>}
      </View>
      <View className="event-detail__title">{event.title}</View>
      {event.status === 'cancelled' && (
        <View className="event-detail__cancelled" role="alert">
          活动已取消：{event.cancelReason}
        </View>
      )}

      <View className="event-detail__facts">
        <View className="event-detail__fact" aria-label="主题">
          <View className="event-detail__label">主题</View>
          <View>{themeLabel(event)}</View>
        </View>
        <View className="event-detail__fact" aria-label="时间">
          <View className="event-detail__label">时间</View>
          <View>{eventTimeLabel(event)}</View>
        </View>
        <View className="event-detail__fact" aria-label="地点">
          <View className="event-detail__label">地点</View>
          <View>
            {event.communityName} · {event.place.name}
            {event.place.address && <View className="event-detail__address">{event.place.address}</View>}
          </View>
          {hasMap && (
            <Button size="small" fill="outline" onClick={() => showPlace(event)}>
              查看位置
            </Button>
          )}
        </View>
        <View className="event-detail__fact" aria-label="主办">
          <View className="event-detail__label">主办</View>
          <View>{event.organiser}</View>
        </View>
        <View className="event-detail__fact" aria-label="名额">
          <View className="event-detail__label">名额</View>
          <View>
            {placesLabel(event)}，已报名 {event.signedUp} 人
          </View>
        </View>
      </View>

      <View className="event-detail__description">{event.description}</View>

      <OutsideMoments>
        <View className="event-detail__actions">
          {signedUp ? (
            <View className="event-detail__signed-up" role="status">
              <View className="event-detail__mine">{event.mine?.checkedIn ? '已签到' : '已报名'}</View>
              {!isOver && !event.mine?.checkedIn && (
                <>
                  <Button
                    type="primary"
                    size="large"
                    block
                    onClick={() => void Taro.navigateTo({ url: `${PAGES.eventCheckInCode}?id=${event.id}` })}
                  >
                    我的签到码
                  </Button>
                  <Button size="large" block fill="outline" disabled={busy} onClick={() => setConfirmingCancel(true)}>
                    取消报名
                  </Button>
                </>
              )}
            </View>
          ) : closedReason ? (
            <View className="event-detail__closed" role="status">
              {closedReason}
            </View>
          ) : (
            <View className="event-detail__sign-up">
              <View className="event-detail__people" aria-label="报名人数">
                <View>报名人数（含家人，最多 {MAX_PEOPLE} 人）</View>
                <InputNumber
                  value={people}
                  min={1}
                  max={Math.min(MAX_PEOPLE, event.placesLeft ?? MAX_PEOPLE)}
                  onChange={(value) => setPeople(Number(value))}
                />
              </View>
              <Button
                type="primary"
                size="large"
                block
                loading={busy}
                disabled={busy}
                onClick={() => void signUp()}
              >
                报名
              </Button>
            </View>
          )}
          <Problem message={actionProblem} />

          {!isOver && (
            <View className="event-detail__more">
              {templateId && !event.mine?.reminder && (
                <Button size="large" block fill="outline" disabled={busy} onClick={() => void remind()}>
                  提醒我
                </Button>
              )}
              {event.mine?.reminder && <View className="event-detail__note">已设提醒：活动前一天会通过微信通知您</View>}
              <Button size="large" block fill="outline" onClick={() => void addToCalendar(event)}>
                加入手机日历
              </Button>
              <ShareButton path={sharedPath} secondary />
              {sharer && (
                <Button
                  size="large"
                  block
                  fill="outline"
                  onClick={() =>
                    void Taro.navigateTo({
                      url: posterUrl({
                        kind: 'event',
                        itemId: event.id,
                        title: event.title,
                        time: eventTimeLabel(event),
                        place: `${event.communityName} · ${event.place.name}`,
                      }),
                    })
                  }
                >
                  生成活动海报（带我的分享码）
                </Button>
              )}
            </View>
          )}
        </View>
      </OutsideMoments>

      <Dialog
        visible={confirmingCancel}
        title="取消报名"
        content="取消后名额会让给别人，确定取消吗？"
        confirmText="确定取消"
        cancelText="不取消"
        onConfirm={() => {
          setConfirmingCancel(false);
          void act(() => eventsApi.cancelSignUp(id), '没有取消成功，请重试', '已取消报名');
        }}
        onCancel={() => setConfirmingCancel(false)}
        onClose={() => setConfirmingCancel(false)}
      />
    </View>
  );
}
