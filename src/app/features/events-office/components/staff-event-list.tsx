import { Button, Dialog, Tag } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { CancelEventSchema, type PublicEvent } from '@core/events/schemas';
import { ApiRequestError } from '../../../shared/api/api-client';
import { backToSignInIfNeeded } from '../../../shared/api/back-to-sign-in';
import { eventTimeLabel, eventTypeLabel } from '../../../shared/format/event-labels';
import { PAGES } from '../../../shared/pages';
import { Problem } from '../../../shared/ui/field';
import { OfficeLinks } from '../../../shared/ui/office-links';
import { EmptyBlock, ErrorBlock, LoadingBlock } from '../../../shared/ui/query-states';
import { TextBox } from '../../../shared/ui/text-box';
import { eventsOfficeApi } from '../api/events-office-api';
import { statusLabel } from '../format';
import '../../../shared/ui/office-page.scss';
import './events-office.scss';

const messageOf = (error: unknown, fallback: string) => (error instanceof ApiRequestError ? error.message : fallback);

function placesLine(event: PublicEvent): string {
  const signedUp = event.capacity === null ? `已报名 ${event.signedUp} 人（不限名额）` : `已报名 ${event.signedUp} / ${event.capacity} 人`;
  return event.attendance === null ? signedUp : `${signedUp}；实到 ${event.attendance} 人`;
}

/** 宣传活动 for the office: every event, drafts and cancelled ones included, with what can be done to each. */
export function StaffEventList() {
  const [events, setEvents] = useState<PublicEvent[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [rowProblem, setRowProblem] = useState<{ id: string; message: string } | null>(null);
  const [cancelling, setCancelling] = useState<PublicEvent | null>(null);
  const [reason, setReason] = useState('');
  const [reasonProblem, setReasonProblem] = useState<string | undefined>();

  const load = useCallback(async () => {
    try {
      setEvents(await eventsOfficeApi.events());
      setProblem(null);
    } catch (error) {
      if (!backToSignInIfNeeded(error)) setProblem(messageOf(error, '加载失败，请重试'));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  // Back from the form, the new or edited event is in the list.
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) void load();
    shownBefore.current = true;
  });

  async function change(id: string, action: () => Promise<PublicEvent>, done: string) {
    setRowProblem(null);
    try {
      const changed = await action();
      setEvents((current) => current?.map((event) => (event.id === id ? changed : event)) ?? null);
      Taro.showToast({ title: done, icon: 'success' });
    } catch (error) {
      if (!backToSignInIfNeeded(error)) setRowProblem({ id, message: messageOf(error, '没有成功，请重试') });
    }
  }

  function confirmCancel() {
    const event = cancelling;
    if (!event) return;
    const checked = CancelEventSchema.safeParse({ reason });
    if (!checked.success) {
      setReasonProblem(checked.error.issues[0]?.message);
      return;
    }
    setCancelling(null);
    void change(event.id, () => eventsOfficeApi.cancel(event.id, checked.data.reason), '活动已取消');
  }

  const go = (url: string) => void Taro.navigateTo({ url });

  return (
    <View className="office-page events-office">
      <OfficeLinks current="events" />
      <View className="events-office__head">
        <View className="office-page__title">宣传活动</View>
        <Button type="primary" onClick={() => go(PAGES.staffEventEdit)}>
          新建活动
        </Button>
      </View>
      {problem && <ErrorBlock message={problem} onRetry={() => void load()} />}
      {!problem && !events && <LoadingBlock />}
      {events && events.length === 0 && <EmptyBlock title="还没有活动" description="点“新建活动”安排第一场" />}
      {events && events.length > 0 && (
        <View role="list" aria-label="活动列表">
          {events.map((event) => (
            <View key={event.id} className="office-card events-office__row" role="listitem" aria-label={event.title}>
              <View className="events-office__row-head">
                <Tag type={event.status === 'published' ? 'success' : event.status === 'cancelled' ? 'danger' : 'default'}>
                  {statusLabel(event)}
                </Tag>
                <Tag type="primary" plain>
                  {eventTypeLabel(event)}
                </Tag>
                <View className="events-office__row-title">{event.title}</View>
              </View>
              <View className="events-office__meta">
                {eventTimeLabel(event)} · {event.communityName} · {event.place.name}
              </View>
              <View className="events-office__meta">{placesLine(event)}</View>
              {event.status === 'cancelled' && <View className="events-office__meta">取消原因：{event.cancelReason}</View>}
              <View className="events-office__actions">
                {event.status === 'draft' && (
                  <Button size="small" type="primary" onClick={() => void change(event.id, () => eventsOfficeApi.publish(event.id), '已发布')}>
                    发布
                  </Button>
                )}
                {event.status !== 'cancelled' && event.timing !== 'past' && (
                  <Button size="small" fill="outline" onClick={() => go(`${PAGES.staffEventEdit}?id=${event.id}`)}>
                    修改
                  </Button>
                )}
                {event.status !== 'draft' && (
                  <Button size="small" fill="outline" onClick={() => go(`${PAGES.staffEventSignUps}?id=${event.id}`)}>
                    报名与签到
                  </Button>
                )}
                {event.status !== 'cancelled' && event.timing !== 'past' && (
                  <Button
                    size="small"
                    fill="outline"
                    type="danger"
                    onClick={() => {
                      setReason('');
                      setReasonProblem(undefined);
                      setCancelling(event);
                    }}
                  >
                    取消活动
                  </Button>
                )}
              </View>
              {rowProblem?.id === event.id && <Problem message={rowProblem.message} />}
            </View>
          ))}
        </View>
      )}

      <Dialog
        visible={cancelling !== null}
        title="取消活动"
        content={
          <View className="events-office__cancel">
            <View className="events-office__cancel-note">
              {cancelling && cancelling.signedUp > 0 ? `已报名的 ${cancelling.signedUp} 人会收到取消通知。` : '还没有人报名。'}
            </View>
            <TextBox label="取消原因（报名的人会收到）" value={reason} onChange={setReason} maxLength={200} problem={reasonProblem} />
          </View>
        }
        confirmText="确定取消活动"
        cancelText="不取消"
        onConfirm={confirmCancel}
        // NutUI calls onClose after onConfirm too: the dialog stays open while the reason is missing.
        onCancel={() => setCancelling(null)}
        closeOnOverlayClick={false}
      />
    </View>
  );
}
