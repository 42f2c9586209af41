import { Tag } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { FEEDBACK_KIND_LABELS, type StaffFeedbackSummary } from '@core/feedback/schemas';
import { dateTimeLabel } from '../../../shared/format/date-time-label';
import { sessionDayLabel } from '../../../shared/format/session-label';
import { shortId } from '../format';
import { FeedbackTags } from './feedback-tags';

interface FeedbackRowProps {
  item: StaffFeedbackSummary;
  onOpen: (id: string) => void;
  /** On an agenda the session goes without saying; only items carried in from an earlier one are marked. */
  onAgenda?: boolean;
}

/** One item in the inbox or on an agenda: enough to decide which to open first. */
export function FeedbackRow({ item, onOpen, onAgenda = false }: FeedbackRowProps) {
  const carriedIn = onAgenda && item.carriedFrom !== null && item.carriedFrom !== item.session.originalDate;
  return (
    <View className="feedback-row" role="listitem" aria-label={`反馈 ${shortId(item.id)}`} onClick={() => onOpen(item.id)}>
      <View className="feedback-row__top">
        <Text className="feedback-row__id">编号 {shortId(item.id)}</Text>
        <FeedbackTags item={item} />
        {carriedIn && (
          <Tag type="warning" plain>
            上次转入
          </Tag>
        )}
      </View>
      <View className="feedback-row__kind">
        {FEEDBACK_KIND_LABELS[item.kind]} · {item.categoryName}
        {item.photoCount > 0 && <Text className="feedback-row__photos"> · {item.photoCount} 张照片</Text>}
      </View>
      <View className="feedback-row__excerpt">{item.excerpt}</View>
      <View className="feedback-row__meta">
        <Text>提交 {dateTimeLabel(item.submittedAt)}</Text>
        <Text className={item.overdue ? 'feedback-row__due feedback-row__due--overdue' : 'feedback-row__due'}>
          答复期限 {item.replyDue}
        </Text>
        {!onAgenda && (
          <Text>
            接待日 {sessionDayLabel(item.session.date)} {item.session.stationName}
          </Text>
        )}
      </View>
    </View>
  );
}
