import { Tag } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import type { StaffFeedbackSummary } from '@core/feedback/schemas';
import { FEEDBACK_STATUS_LABELS, type FeedbackStatus } from '@core/feedback/workflow';

const STATUS_TAG_TYPES: Record<FeedbackStatus, 'warning' | 'primary' | 'success' | 'default' | 'info'> = {
  pending: 'warning',
  accepted: 'info',
  replied: 'success',
  closed: 'default',
  rejected: 'default',
};

/** What an item's state is at a glance: status, and the marks the office acts on first. */
export function FeedbackTags({ item }: { item: StaffFeedbackSummary }) {
  return (
    <View className="feedback-tags">
      <Tag type={STATUS_TAG_TYPES[item.status]}>{FEEDBACK_STATUS_LABELS[item.status]}</Tag>
      {item.overdue && (
        <Tag type="danger" className="feedback-tags__overdue">
          超期
        </Tag>
      )}
      {item.flagged && (
        <Tag type="primary" plain>
          研判
        </Tag>
      )}
      {item.anonymous && <Tag plain>匿名</Tag>}
      {item.duplicateOf && <Tag plain>重复</Tag>}
    </View>
  );
}
