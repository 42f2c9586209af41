import { Rate, Step, Steps } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import {
  FEEDBACK_KIND_LABELS,
  type FeedbackEvent,
  type FeedbackEventAction,
  type MyFeedbackDetail,
} from '@core/feedback/schemas';
import { FEEDBACK_STATUS_LABELS, isOpen } from '@core/feedback/workflow';
import { ApiRequestError } from '../../../shared/api/api-client';
import { monthDayLabel, sessionKeyLabel, sessionLabel } from '../../../shared/format/session-label';
import { ErrorBlock, LoadingBlock } from '../../../shared/ui/query-states';
import { fetchMyFeedbackDetail } from '../api/feedback-api';
import { instantLabel, localDateTimeLabel } from '../format';
import { FeedbackPhotos } from './feedback-photos';
import { RatingForm } from './rating-form';
import { StatusTag } from './status-tag';
import './my-feedback.scss';

const ACTION_LABELS: Partial<Record<FeedbackEventAction, string>> = {
  submitted: '提交反馈',
  accepted: '已受理',
  replied: '答复',
  rejected: '不予受理',
  closed: '已办结',
  rated: '评价答复',
  reopened: '退回重新办理',
  moved: '转到另一次接待日',
};

function eventText(event: FeedbackEvent): string | null {
  if (event.action === 'moved') {
    const move = `由 ${sessionKeyLabel(event.movedFrom ?? '')} 转至 ${sessionKeyLabel(event.movedTo ?? '')}`;
    return event.text ? `${move}：${event.text}` : move;
  }
  if (event.action === 'rated' && event.stars !== null) {
    return `${event.stars} 星${event.text ? `：${event.text}` : ''}`;
  }
  return event.text;
}

function EventStep({ event, index }: { event: FeedbackEvent; index: number }) {
  const text = eventText(event);
  return (
    <Step
      value={index + 1}
      title={
        <View className="feedback-event__title">
          {ACTION_LABELS[event.action] ?? event.action}
          {event.toStatus && event.action !== 'submitted' && (
            <View className="feedback-event__status">（{FEEDBACK_STATUS_LABELS[event.toStatus]}）</View>
          )}
        </View>
      }
      description={
        <View className="feedback-event__detail">
          <View>
            {instantLabel(event.at)} · {event.actor}
          </View>
          {text && <View className="feedback-event__text">{text}</View>}
        </View>
      }
    />
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className="feedback-detail__section" aria-label={title}>
      <View className="feedback-detail__section-title">{title}</View>
      {children}
    </View>
  );
}

/** One of my items: where it stands, the session it belongs to, the office's answers, and my rating. */
export function FeedbackDetail({ id }: { id: string }) {
  const [item, setItem] = useState<MyFeedbackDetail | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(async () => {
    setProblem(null);
    try {
      setItem(await fetchMyFeedbackDetail(id));
    } catch (error) {
      setProblem(error instanceof ApiRequestError ? error.message : '加载失败，请重试');
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  if (!item) {
    if (problem) return <ErrorBlock message={problem} onRetry={() => void load()} />;
    return <LoadingBlock />;
  }

  const replies = item.events.filter((event) => event.action === 'replied' && event.text);
  const rejections = item.events.filter((event) => event.action === 'rejected' && event.text);
  const moves = item.events.filter((event) => event.action === 'moved');

  return (
    <View className="feedback-detail">
      <View className="feedback-detail__head">
        <View className="feedback-detail__status">
          <StatusTag status={item.status} />
          <View className="feedback-detail__kind">
            {FEEDBACK_KIND_LABELS[item.kind]} · {item.categoryName}
          </View>
        </View>
        <View className="feedback-detail__meta">提交于 {instantLabel(item.submittedAt)}</View>
        {isOpen(item.status) && <View className="feedback-detail__meta">答复期限：{monthDayLabel(item.replyDue)} 前</View>}
      </View>

      <Section title="所属接待日">
        <View className="feedback-detail__session">{sessionLabel(item.session)}</View>
        {item.session.status === 'moved' && (
          <View className="feedback-detail__note">该接待日已改期到这一天</View>
        )}
        {moves.map((move) => (
          <View key={move.at} className="feedback-detail__note">
            {eventText(move)}
          </View>
        ))}
      </Section>

      {replies.length > 0 && (
        <Section title="答复">
          {replies.map((reply) => (
            <View key={reply.at} className="feedback-detail__reply">
              <View className="feedback-detail__reply-text">{reply.text}</View>
              <View className="feedback-detail__meta">
                {reply.actor} · {instantLabel(reply.at)}
              </View>
            </View>
          ))}
        </Section>
      )}

      {rejections.length > 0 && (
        <Section title="不予受理的理由">
          {rejections.map((rejection) => (
            <View key={rejection.at} className="feedback-detail__reply-text">
              {rejection.text}
            </View>
          ))}
        </Section>
      )}

      {item.canRate && <RatingForm itemId={item.id} onRated={setItem} />}
      {item.rating && (
        <Section title="我的评价">
          <Rate value={item.rating.stars} count={5} readOnly />
          {item.rating.comment && <View className="feedback-detail__reply-text">{item.rating.comment}</View>}
        </Section>
      )}

      <Section title="我反馈的内容">
        <View className="feedback-detail__content">{item.content}</View>
        {item.enforcementUnit && <View className="feedback-detail__meta">执法单位：{item.enforcementUnit}</View>}
        {item.caseReference && <View className="feedback-detail__meta">案件编号：{item.caseReference}</View>}
        {item.place && <View className="feedback-detail__meta">地点：{item.place.name}</View>}
        {item.incidentAt && <View className="feedback-detail__meta">事发时间：{localDateTimeLabel(item.incidentAt)}</View>}
        {item.photos.length > 0 && <FeedbackPhotos photoIds={item.photos.map((photo) => photo.id)} />}
        <View className="feedback-detail__meta">
          {item.anonymous
            ? '匿名反馈：工作人员看不到您是谁'
            : item.mobile
              ? `联系电话：${item.mobile}（工作人员看到的是隐去中间四位的号码）`
              : '没有留联系电话'}
        </View>
      </Section>

      <Section title="办理进度">
        <Steps direction="vertical" value={item.events.length}>
          {item.events.map((event, index) => (
            <EventStep key={`${event.at}-${index}`} event={event} index={index} />
          ))}
        </Steps>
      </Section>
    </View>
  );
}
